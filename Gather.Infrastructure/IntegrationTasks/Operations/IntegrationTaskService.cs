using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Models.Operations;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Teams;
using Gather.Infrastructure.Validation;
using Microsoft.Extensions.Options;

namespace Gather.Infrastructure.IntegrationTasks.Operations;

/// <summary>
/// Adds, lists, runs and deletes a team's integration tasks. A new task is scheduled at once
/// (its backfill); its kind's <see cref="IIntegrationTaskSync"/> checks its options, and the
/// integration's <see cref="IIntegrationTasksWatcher"/>s keep what its tasks need (webhooks).
/// </summary>
public sealed class IntegrationTaskService(IntegrationTaskScheduler scheduler, IEnumerable<IIntegrationTasksWatcher> watchers,
    IntegrationTaskIndexes indexes, IntegrationTaskSyncs syncs, TimeProvider clock)
{
    /// <summary>More would be a mistake rather than a need, and each one is a periodic scan of its integration.</summary>
    public const int MaxTasksPerTeam = 20;

    public Task<IReadOnlyList<IntegrationTask>> ListAsync(ITeamStore team, CancellationToken cancellationToken) =>
        team.IntegrationTasks.ListAsync(cancellationToken);

    public async Task<Result<IntegrationTask>> CreateAsync(ITeamStore team, string? integrationId, IntegrationTaskKind kind,
        IntegrationTaskOptions? options, CancellationToken cancellationToken)
    {
        var integration = await team.Integrations.FindAsync(integrationId, cancellationToken);
        if (integration is null)
            return Result<IntegrationTask>.Invalid([new("integrationId", string.IsNullOrEmpty(integrationId) ? "required" : "notFound",
                string.IsNullOrEmpty(integrationId) ? "Name the integration the task syncs from." : $"No integration with id '{integrationId}' exists in this team.")]);
        var existing = await team.IntegrationTasks.ListAsync(cancellationToken);
        if (existing.Count >= MaxTasksPerTeam)
            return Result<IntegrationTask>.Invalid([new("kind", "limit", $"A team may have at most {MaxTasksPerTeam} integration tasks.")]);

        var checkedOptions = await syncs.For(kind).CheckOptionsAsync(team, integration.Id, options, existing, cancellationToken);
        if (!checkedOptions.Succeeded)
            return new Result<IntegrationTask>(null, checkedOptions.Problems);
        var normalized = checkedOptions.Value!;

        var now = StoreTime.Now(clock);
        var task = new IntegrationTask(DocumentIds.New("task"), team.TeamId, integration.Id, kind, normalized, IntegrationTaskState.New(now), now);
        await team.IntegrationTasks.InsertAsync(task, cancellationToken);
        // Stored first, so that the index is never held for a task that does not exist; refused, the task goes again.
        if (await indexes.HoldAsync(team, task, cancellationToken) is { } indexProblem)
        {
            await team.IntegrationTasks.DeleteAsync(task.Id, cancellationToken);
            return Result<IntegrationTask>.Invalid([indexProblem]);
        }
        // The model keeps the sections the task fills (e.g. stripeCharge) from now on, even once the task or its integration is gone.
        if (normalized.ModelId is { } attachedModel && AttachedSections.FilledFor(attachedModel, [task]) is { Count: > 0 } sections)
            await team.Models.SettleFieldsAsync(attachedModel,
                sections.Select(s => new SettledField(FieldSettling.SectionPath(s), ValueKind.Object)).ToList(), cancellationToken);
        var note = await TasksChangedAsync(team, integration, cancellationToken);
        if (note is not null)
        {
            var noted = task.State with { Note = note };
            if (await team.IntegrationTasks.SaveIdleStateAsync(task.Id, noted, now, cancellationToken))
                task = task with { State = noted };
        }
        await scheduler.ScheduleAsync(task, cancellationToken);
        return Result<IntegrationTask>.Ok(task);
    }

    /// <summary>Asks for a run now: the reconcile at once, or the unfinished run going on. A run in progress finishes first.</summary>
    public async Task<Result<IntegrationTask>> RunAsync(ITeamStore team, string? id, CancellationToken cancellationToken)
    {
        if (await FindAsync(team, id, cancellationToken) is not { } task)
            return NotFound(id);
        var now = StoreTime.Now(clock);
        var due = task.State with { NextRunAt = now };
        if (await team.IntegrationTasks.SaveIdleStateAsync(task.Id, due, now, cancellationToken))
            task = task with { State = due };
        await scheduler.RunNowAsync(task, cancellationToken);
        return Result<IntegrationTask>.Ok(task);
    }

    public async Task<Result<IntegrationTask>> DeleteAsync(ITeamStore team, string? id, CancellationToken cancellationToken)
    {
        if (await FindAsync(team, id, cancellationToken) is not { } task || !await RemoveAsync(team, task, cancellationToken))
            return NotFound(id);
        if (await team.Integrations.FindAsync(task.IntegrationId, cancellationToken) is { } integration)
            await TasksChangedAsync(team, integration, cancellationToken);
        return Result<IntegrationTask>.Ok(task);
    }

    /// <summary>Deletes the task, stops its runs and lets go of its indexes; false when it was already gone.</summary>
    public async Task<bool> RemoveAsync(ITeamStore team, IntegrationTask task, CancellationToken cancellationToken)
    {
        var deleted = await team.IntegrationTasks.DeleteAsync(task.Id, cancellationToken);
        await scheduler.UnscheduleAsync(task.Id, cancellationToken);
        await indexes.ReleaseAsync(team, task.Id, cancellationToken);
        return deleted;
    }

    /// <summary>Tells the watchers; the first note any of them gives.</summary>
    private async Task<string?> TasksChangedAsync(ITeamStore team, Integration integration, CancellationToken cancellationToken)
    {
        string? note = null;
        foreach (var watcher in watchers)
            note ??= await watcher.TasksChangedAsync(team, integration, cancellationToken);
        return note;
    }

    private static async Task<IntegrationTask?> FindAsync(ITeamStore team, string? id, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(id) ? null : await team.IntegrationTasks.GetAsync(id, cancellationToken);

    private static Result<IntegrationTask> NotFound(string? id) =>
        Result<IntegrationTask>.NotFound(new NotFoundProblem(id ?? "", $"No integration task with id '{id}' exists in this team."));
}
