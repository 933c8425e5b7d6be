using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Teams;
using Microsoft.Extensions.Options;
using Quartz;

namespace Gather.Infrastructure.IntegrationTasks.Operations;

/// <summary>
/// The Quartz job that runs one task, then plans its next run from the state the run left
/// (the reconcile, or the retry after a failure). Never two at once per task on this instance;
/// the lease keeps other instances out.
/// </summary>
[DisallowConcurrentExecution]
public sealed class IntegrationTaskJob(IntegrationTaskRunner runner, IntegrationTaskScheduler scheduler, IGatherStore store,
    IOptions<IntegrationTaskSettings> settings, TimeProvider clock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var teamId = context.MergedJobDataMap.GetString(IntegrationTaskScheduler.TeamIdKey)!;
        var taskId = context.MergedJobDataMap.GetString(IntegrationTaskScheduler.TaskIdKey)!;
        RunOutcome outcome;
        using (scheduler.Running(taskId))
            outcome = await runner.RunAsync(teamId, taskId, cancellationToken);
        switch (outcome)
        {
            case RunOutcome.Gone:
                await scheduler.UnscheduleAsync(taskId, CancellationToken.None);
                break;
            case RunOutcome.Busy:
                // Running elsewhere: look again once that run's lease could have lapsed.
                await scheduler.ScheduleRunAsync(teamId, taskId, clock.GetUtcNow().AddSeconds(settings.Value.LeaseSeconds), CancellationToken.None);
                break;
            case RunOutcome.Interrupted:
                break; // Shutting down; the next start resumes it from the stored cursor.
            default:
                if (await store.ForTeam(teamId).IntegrationTasks.GetAsync(taskId, CancellationToken.None) is { } task)
                    await scheduler.ScheduleAsync(task, CancellationToken.None);
                break;
        }
    }
}

/// <summary>Attaches charges to records synced since the last run (a few seconds after the sync), without waiting for the reconcile.</summary>
[DisallowConcurrentExecution]
public sealed class AttachNewRecordsJob(IntegrationTaskRunner runner, IntegrationTaskScheduler scheduler, IOptions<IntegrationTaskSettings> settings)
    : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var teamId = context.MergedJobDataMap.GetString(IntegrationTaskScheduler.TeamIdKey)!;
        var taskId = context.MergedJobDataMap.GetString(IntegrationTaskScheduler.TaskIdKey)!;
        if (await runner.AttachNewRecordsAsync(teamId, taskId, cancellationToken) == RunOutcome.Busy)
            // A run holds the task; try again shortly rather than leave the new records for the reconcile.
            await scheduler.ScheduleAttachAsync(teamId, taskId, TimeSpan.FromSeconds(Math.Max(1, settings.Value.AttachDelaySeconds)), CancellationToken.None);
    }
}

/// <summary>Re-reads the stored tasks every <see cref="IntegrationTaskSettings.SweepSeconds"/> (and once at start).</summary>
[DisallowConcurrentExecution]
public sealed class IntegrationTaskSweepJob(IntegrationTaskScheduler scheduler) : IJob
{
    public static readonly JobKey Key = new("sweep", IntegrationTaskScheduler.Group + "-sweep");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await scheduler.SweepAsync(cancellationToken);
}
