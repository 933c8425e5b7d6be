namespace Gather.Infrastructure.IntegrationTasks;

/// <summary>
/// A team's integration tasks. Obtained from <see cref="Teams.ITeamStore.IntegrationTasks"/>, so always
/// team-scoped. A run claims its task with a lease, so that several instances sharing a database
/// never run one task at once; state is saved only while the lease is held.
/// </summary>
public interface IIntegrationTaskStore
{
    Task InsertAsync(IntegrationTask task, CancellationToken cancellationToken);

    Task<IReadOnlyList<IntegrationTask>> ListAsync(CancellationToken cancellationToken);

    Task<IntegrationTask?> GetAsync(string id, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the task for <paramref name="owner"/> until <paramref name="until"/>, unless another
    /// owner's claim is still live at <paramref name="now"/>; true when claimed. One atomic write.
    /// </summary>
    Task<bool> TryLeaseAsync(string id, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the task's state and extends the lease, if <paramref name="owner"/> still holds it;
    /// false when the lease was lost (the run must stop). One atomic write.
    /// </summary>
    Task<bool> SaveStateAsync(string id, string owner, IntegrationTaskState state, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Saves the state of a task no run holds (e.g. a run asked for); false when a run holds it or it is gone.</summary>
    Task<bool> SaveIdleStateAsync(string id, IntegrationTaskState state, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Gives up <paramref name="owner"/>'s lease, so the next run need not wait for it to expire.</summary>
    Task ReleaseAsync(string id, string owner, CancellationToken cancellationToken);
}
