using Gather.Infrastructure.IntegrationTasks.Operations;
using Gather.Infrastructure.IntegrationTasks;
using Quartz;

namespace Gather.Api.Hosting;

/// <summary>
/// Quartz for integration tasks: an in-memory scheduler (task state lives in Gather's store, so
/// nothing is lost with it) whose sweep job rebuilds the schedule from the stored tasks at start
/// and then every <c>Gather:Tasks:SweepSeconds</c>. Shutdown cancels running tasks, which keep
/// their cursor for the next start.
/// </summary>
public static class IntegrationTaskHosting
{
    public static IHostApplicationBuilder AddGatherIntegrationTasks(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(IntegrationTaskSettings.Section).Get<IntegrationTaskSettings>() ?? new IntegrationTaskSettings();
        builder.Services.AddQuartz(q =>
        {
            // Unique per host: Quartz keeps schedulers by name process-wide (tests run several hosts).
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = $"gather-{Guid.NewGuid():N}";
                // Stopping asks running tasks to stop at their next page; they keep their cursor.
                o.ShutdownJobInterruption = ShutdownJobInterruption.Always;
            });
            q.UseInMemoryStore();
            if (settings.SchedulerEnabled)
            {
                q.AddJob<IntegrationTaskSweepJob>(j => j.WithIdentity(IntegrationTaskSweepJob.Key));
                q.AddTrigger(t => t.ForJob(IntegrationTaskSweepJob.Key).StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(settings.SweepSeconds)).RepeatForever()));
            }
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }
}
