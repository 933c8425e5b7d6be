using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Teams;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Validation;

namespace Gather.Infrastructure.IntegrationTasks.Operations;

/// <summary>
/// How one kind of task runs, contributed by the integration that brings the kind: the runner,
/// the scheduler and the task service find it by <see cref="Kind"/> instead of naming it.
/// </summary>
public interface IIntegrationTaskSync
{
    IntegrationTaskKind Kind { get; }

    /// <summary>
    /// The options a new task of this kind works with, checked and normalized against the team's
    /// models and its other tasks (<paramref name="existing"/>); the problems when they do not do.
    /// </summary>
    Task<Result<IntegrationTaskOptions>> CheckOptionsAsync(ITeamStore team, string integrationId, IntegrationTaskOptions? options,
        IReadOnlyList<IntegrationTask> existing, CancellationToken cancellationToken);

    /// <summary>One run: reads the integration page by page, saving the cursor after each (<see cref="IntegrationTaskRun"/>).</summary>
    Task RunAsync(IntegrationTaskRun run, CancellationToken cancellationToken);

    /// <summary>
    /// Whether <paramref name="exception"/> is the integration failing (refusing, unreachable after its
    /// retries), which the task's status records, rather than a fault of Gather's, which is thrown.
    /// </summary>
    bool IsFailure(Exception exception, CancellationToken cancellationToken);
}

/// <summary>
/// A task kind that attaches a section to a model's records (its <c>FilledByTask</c>): records
/// synced after its run get theirs soon after the sync, without waiting for the next run.
/// </summary>
public interface IAttachingTaskSync : IIntegrationTaskSync
{
    /// <summary>Attaches data to the records that have none for their id yet; how many records changed.</summary>
    Task<int> AttachNewRecordsAsync(IntegrationTaskRun run, CancellationToken cancellationToken);
}
