using Gather.Infrastructure.IntegrationTasks;
using System.Collections.Frozen;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Teams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Gather.Infrastructure.IntegrationTasks.Operations;

/// <summary>
/// Puts integration tasks on this instance's Quartz scheduler. Quartz holds only triggers: each
/// task's state is in the store, so the schedule is rebuilt from it at start and re-read every
/// <see cref="IntegrationTaskSettings.SweepSeconds"/> (which also picks up tasks created or
/// deleted on other instances). Runs on several instances are kept apart by the task's lease.
/// </summary>
public sealed class IntegrationTaskScheduler(ISchedulerFactory schedulers, IGatherStore store,
    IOptions<IntegrationTaskSettings> settings, TimeProvider clock, ILogger<IntegrationTaskScheduler> logger) : IRecordsSyncedListener
{
    public const string Group = "integration-tasks";
    public const string TeamIdKey = "teamId", TaskIdKey = "taskId";

    /// <summary>Tasks that attach data (e.g. Sync Stripe Charges) by the model they attach to, so a sync can ask for an attach without a store call.</summary>
    private FrozenDictionary<(string TeamId, string ModelId), string[]> _attachingTasksByModel = FrozenDictionary<(string, string), string[]>.Empty;

    /// <summary>Tasks whose run job is executing on this instance right now.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _running = new(StringComparer.Ordinal);

    private bool Enabled => settings.Value.SchedulerEnabled;

    /// <summary>Marks a task's run as under way here until the returned handle is disposed, so a sweep does not plan a second one meanwhile.</summary>
    public IDisposable Running(string taskId)
    {
        _running[taskId] = 0;
        return new Release(() => _running.TryRemove(taskId, out _));
    }

    private sealed class Release(Action release) : IDisposable
    {
        public void Dispose() => release();
    }

    public static JobKey RunKey(string taskId) => new($"run/{taskId}", Group);

    public static JobKey AttachKey(string taskId) => new($"attach/{taskId}", Group);

    /// <summary>Schedules the task's next run when its state says: at once for a new or unfinished run, else at <c>NextRunAt</c>.</summary>
    public async Task ScheduleAsync(IntegrationTask task, CancellationToken cancellationToken)
    {
        Track(task);
        await ScheduleRunAsync(task.TeamId, task.Id, DueAt(task), cancellationToken);
    }

    public Task RunNowAsync(IntegrationTask task, CancellationToken cancellationToken) =>
        ScheduleRunAsync(task.TeamId, task.Id, clock.GetUtcNow(), cancellationToken);

    /// <summary>Schedules a run at <paramref name="due"/>, replacing any earlier plan for the task.</summary>
    public async Task ScheduleRunAsync(string teamId, string taskId, DateTimeOffset due, CancellationToken cancellationToken) =>
        await ScheduleAsync<IntegrationTaskJob>(RunKey(taskId), teamId, taskId, due, replace: true, cancellationToken);

    /// <summary>Asks for the task's charges to be attached to new records soon, unless that is already planned.</summary>
    public Task ScheduleAttachAsync(string teamId, string taskId, TimeSpan delay, CancellationToken cancellationToken) =>
        ScheduleAsync<AttachNewRecordsJob>(AttachKey(taskId), teamId, taskId, clock.GetUtcNow() + delay, replace: false, cancellationToken);

    public async Task UnscheduleAsync(string taskId, CancellationToken cancellationToken)
    {
        if (!Enabled)
            return;
        if (await SchedulerAsync(cancellationToken) is not { } scheduler)
            return;
        await scheduler.DeleteJobs([RunKey(taskId), AttachKey(taskId)], cancellationToken);
        _attachingTasksByModel = _attachingTasksByModel.ToFrozenDictionary(p => p.Key, p => p.Value.Where(id => id != taskId).ToArray());
    }

    /// <summary>
    /// Re-reads every stored task: schedules each by its state (keeping a run already planned
    /// sooner), drops jobs of tasks that are gone, and refreshes which models have charge tasks.
    /// </summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
            return;
        var tasks = await store.ListAllIntegrationTasksAsync(cancellationToken);
        _attachingTasksByModel = AttachingTasksByModel(tasks);
        if (await SchedulerAsync(cancellationToken) is not { } scheduler)
            return;
        var known = tasks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(Group), cancellationToken))
        {
            if (!known.Contains(key.Name[(key.Name.IndexOf('/') + 1)..]))
                await scheduler.DeleteJob(key, cancellationToken);
        }
        foreach (var listed in tasks)
        {
            var task = listed;
            if (_running.ContainsKey(task.Id))
                continue; // Its run plans the next one when it ends.
            var planned = (await scheduler.GetTrigger(new TriggerKey(RunKey(task.Id).Name, Group), cancellationToken))?.NextFireTimeUtc;
            if (planned is null && DueAt(task) <= clock.GetUtcNow())
            {
                // The list may predate a run that has just ended here: read the task again before running it a second time.
                if (await store.ForTeam(task.TeamId).IntegrationTasks.GetAsync(task.Id, cancellationToken) is not { } fresh)
                    continue;
                task = fresh;
            }
            var due = DueAt(task);
            if (planned is null || planned > due)
                await ScheduleRunAsync(task.TeamId, task.Id, due, cancellationToken);
        }
    }

    /// <summary>When a task should run next: at once when new or unfinished, else at its <c>NextRunAt</c>.</summary>
    private DateTimeOffset DueAt(IntegrationTask task) =>
        task.State.Status is IntegrationTaskStatus.Pending or IntegrationTaskStatus.Running
            ? clock.GetUtcNow()
            : task.State.NextRunAt ?? clock.GetUtcNow();

    public void RecordsSynced(string teamId, string modelId, IReadOnlyCollection<string> fields)
    {
        if (!Enabled || !_attachingTasksByModel.TryGetValue((teamId, modelId), out var taskIds))
            return;
        foreach (var taskId in taskIds)
        {
            // Fire and forget: the sync's response must not wait for the scheduler.
            _ = ScheduleAttachAsync(teamId, taskId, TimeSpan.FromSeconds(settings.Value.AttachDelaySeconds), CancellationToken.None)
                .ContinueWith(t => logger.LogWarning(t.Exception, "Could not plan attaching data for task {TaskId}", taskId),
                    TaskContinuationOptions.OnlyOnFaulted);
        }
    }

    private void Track(IntegrationTask task)
    {
        if (!AttachedSections.AreFilledBy(task.Kind) || task.Options.ModelId is not { } modelId)
            return;
        var key = (task.TeamId, modelId);
        var ids = _attachingTasksByModel.GetValueOrDefault(key) ?? [];
        if (!ids.Contains(task.Id))
            _attachingTasksByModel = _attachingTasksByModel.Where(p => p.Key != key).Append(new(key, [.. ids, task.Id])).ToFrozenDictionary();
    }

    private static FrozenDictionary<(string TeamId, string ModelId), string[]> AttachingTasksByModel(IEnumerable<IntegrationTask> tasks) =>
        tasks.Where(t => AttachedSections.AreFilledBy(t.Kind) && t.Options.ModelId is not null)
            .GroupBy(t => (t.TeamId, t.Options.ModelId!))
            .ToFrozenDictionary(g => g.Key, g => g.Select(t => t.Id).ToArray());

    private async Task ScheduleAsync<TJob>(JobKey key, string teamId, string taskId, DateTimeOffset due, bool replace, CancellationToken cancellationToken)
        where TJob : IJob
    {
        if (!Enabled)
            return;
        if (await SchedulerAsync(cancellationToken) is not { } scheduler)
            return;
        var triggerKey = new TriggerKey(key.Name, Group);
        if (!replace && await scheduler.GetTrigger(triggerKey, cancellationToken) is not null)
            return;
        var job = JobBuilder.Create<TJob>().WithIdentity(key).UsingJobData(TeamIdKey, teamId).UsingJobData(TaskIdKey, taskId).Build();
        // A one-shot trigger: Quartz's default for a missed one fires it as soon as it can.
        var trigger = TriggerBuilder.Create().WithIdentity(triggerKey).StartAt(due).Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
    }

    /// <summary>The scheduler, or null while the host stops: the next start plans from the stored state anyway.</summary>
    private async Task<IScheduler?> SchedulerAsync(CancellationToken cancellationToken)
    {
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            return scheduler.Status is SchedulerStatus.ShuttingDown or SchedulerStatus.Shutdown ? null : scheduler;
        }
        catch (SchedulerException e)
        {
            logger.LogDebug(e, "The task scheduler has stopped");
            return null;
        }
    }
}
