using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Teams;

namespace Gather.Infrastructure.IntegrationTasks.Operations;

/// <summary>
/// One run of a task while it holds the lease: the task, its state so far, and the way to save
/// that state (which renews the lease). Saving after the lease was lost throws
/// <see cref="LeaseLostException"/>, so a run that another instance took over stops writing.
/// </summary>
public sealed class IntegrationTaskRun(ITeamStore team, IntegrationTask task, IntegrationTaskState state, string owner,
    TimeSpan leaseLength, TimeProvider clock)
{
    public ITeamStore Team => team;

    public IntegrationTask Task => task;

    public IntegrationTaskState State { get; private set; } = state;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The integration the task syncs from; a run cannot go on without it.</summary>
    public async Task<Integration> IntegrationAsync(CancellationToken cancellationToken) =>
        await team.Integrations.FindAsync(task.IntegrationId, cancellationToken)
        ?? throw new IntegrationTaskException("The task's integration no longer exists.");

    /// <summary>Saves a finished page: the cursor moves to its last item, and its counts are added to the progress.</summary>
    public Task SavePageAsync(string? lastId, int scanned, int changed, CancellationToken cancellationToken) => SaveAsync(State with
    {
        Cursor = lastId ?? State.Cursor,
        Progress = State.Progress with { Scanned = State.Progress.Scanned + scanned, RecordsChanged = State.Progress.RecordsChanged + changed },
    }, cancellationToken);

    /// <summary>Saves what a check found the task could not match, and the warnings it calls for.</summary>
    public Task SaveCheckAsync(ChargeIdCheck check, IReadOnlyList<IntegrationTaskWarning> warnings, CancellationToken cancellationToken) =>
        SaveAsync(State with { Progress = State.Progress with { ChargeIds = check }, Warnings = warnings.Count == 0 ? null : warnings }, cancellationToken);

    public async Task SaveAsync(IntegrationTaskState updated, CancellationToken cancellationToken)
    {
        if (!await team.IntegrationTasks.SaveStateAsync(task.Id, owner, updated, Now + leaseLength, cancellationToken))
            throw new LeaseLostException(task.Id);
        State = updated;
    }
}

/// <summary>The run no longer holds its task's lease (it expired and another instance took the task).</summary>
public sealed class LeaseLostException(string taskId) : Exception($"The lease on integration task '{taskId}' was lost; another instance runs it now.");
