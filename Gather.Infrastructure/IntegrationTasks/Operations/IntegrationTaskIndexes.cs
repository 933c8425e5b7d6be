using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Indexes;
using Gather.Infrastructure.Indexes.Operations;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Teams;
using Gather.Infrastructure.Validation;
using Microsoft.Extensions.Options;

namespace Gather.Infrastructure.IntegrationTasks.Operations;

/// <summary>
/// The index a task needs and holds: a task attaching data (e.g. Sync Stripe Charges) looks its model's
/// records up by the field holding each one's id (the charge id field), so it holds an index on that field of that model, counted against the team's
/// <c>Gather:Query:MaxIndexesPerTeam</c>; deleting the task lets it go (and drops it when unused).
/// Like any index, it is not built on a model larger than <see cref="IndexBuildBound"/> allows
/// where a build holds every team's writes.
/// </summary>
public sealed class IntegrationTaskIndexes(IOptions<QueryOptions> options, IndexBuildBound bound)
{
    /// <summary>Holds what the task needs; a problem naming the limit when the team is at it or the model is too large to index.</summary>
    public async Task<ValidationProblem?> HoldAsync(ITeamStore team, IntegrationTask task, CancellationToken cancellationToken) =>
        Problem(await HoldIndexesAsync(team, task, cancellationToken));

    /// <summary>
    /// Holds what the task needs; the store's answer (whether anything changed, the limit, or why the
    /// index may not be built now). Whether the model is too large to index is asked only when the
    /// store's own read finds the task not yet holding its index, built: a run that holds it again
    /// reads the team's indexes once.
    /// </summary>
    public Task<FieldIndexResult> HoldIndexesAsync(ITeamStore team, IntegrationTask task, CancellationToken cancellationToken) =>
        team.FieldIndexes.HoldAsync(IndexOwner.IntegrationTask(task.Id), Needed(task), options.Value.MaxIndexesPerTeam,
            token => TooLargeAsync(team, task, token), cancellationToken);

    /// <summary>Why the task's index may not be built now (its model is too large for this store to index without holding writes); null when it may.</summary>
    private async Task<string?> TooLargeAsync(ITeamStore team, IntegrationTask task, CancellationToken cancellationToken)
    {
        foreach (var key in Needed(task))
            if (await bound.ProblemAsync(team, key, cancellationToken) is { } tooLarge)
                return tooLarge;
        return null;
    }

    /// <summary>The problem to show for a refused hold, naming the limit or the model's size; null when held.</summary>
    public static ValidationProblem? Problem(FieldIndexResult result) =>
        result.BuildRefusal is { } tooLarge ? new ValidationProblem("options.modelId", IndexBuildBound.Rule, tooLarge)
        : result.Held ? null
        : new ValidationProblem("options.chargeIdField", "indexLimit",
            $"This team already holds {result.TeamIndexes} field indexes, the most Gather:Query:MaxIndexesPerTeam allows ({result.Limit}); " +
            "each task that attaches data to records holds one on the field naming what it attaches. Delete a task the team no longer needs, or raise the limit.");

    /// <summary>Lets go of the task's indexes; an index nothing else holds is dropped.</summary>
    public Task ReleaseAsync(ITeamStore team, string taskId, CancellationToken cancellationToken) =>
        team.FieldIndexes.HoldAsync(IndexOwner.IntegrationTask(taskId), [], options.Value.MaxIndexesPerTeam, cancellationToken);

    private static IReadOnlyList<FieldIndexKey> Needed(IntegrationTask task) =>
        task.Options.ModelId is { } modelId && AttachedSections.FilledFor(modelId, [task]).Count > 0
            ? [new FieldIndexKey(modelId, task.Options.ChargeIdPath())]
            : [];
}
