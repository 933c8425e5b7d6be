using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Teams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gather.Infrastructure.IntegrationTasks.Operations;

/// <summary>What became of asking for a run.</summary>
public enum RunOutcome
{
    Finished,
    Failed,
    /// <summary>Another run (here or on another instance) holds the task's lease.</summary>
    Busy,
    /// <summary>The task was deleted.</summary>
    Gone,
    /// <summary>Stopped by shutdown; the next run goes on from the saved cursor.</summary>
    Interrupted,
}

/// <summary>
/// Runs one task under its lease: a fresh run after a finished one (the reconcile), or the
/// unfinished run going on from its cursor. Failures are recorded in the task's status with a
/// retry time; shutdown leaves the cursor for the next run.
/// </summary>
public sealed class IntegrationTaskRunner(IGatherStore store, IntegrationTaskSyncs syncs,
    IOptions<IntegrationTaskSettings> settings, TimeProvider clock, ILogger<IntegrationTaskRunner> logger)
{
    /// <summary>This instance's name on the leases it takes.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private TimeSpan LeaseLength => TimeSpan.FromSeconds(settings.Value.LeaseSeconds);

    public Task<RunOutcome> RunAsync(string teamId, string taskId, CancellationToken cancellationToken) =>
        WithLeaseAsync(teamId, taskId, RunTaskAsync, cancellationToken);

    /// <summary>Attaches data (e.g. charges) to records that have none yet (records synced since the last run); leaves the task's status alone.</summary>
    public Task<RunOutcome> AttachNewRecordsAsync(string teamId, string taskId, CancellationToken cancellationToken) =>
        WithLeaseAsync(teamId, taskId, async (run, token) =>
        {
            if (syncs.Find(run.Task.Kind) is not IAttachingTaskSync attaching)
                return RunOutcome.Finished;
            try
            {
                var changed = await attaching.AttachNewRecordsAsync(run, token);
                if (changed > 0)
                    logger.LogInformation("Integration task {TaskId}: attached data to {Changed} new records", run.Task.Id, changed);
                return RunOutcome.Finished;
            }
            catch (Exception e) when (e is IntegrationTaskException || attaching.IsFailure(e, token))
            {
                // The periodic run attaches them later; the task's own status is about its runs.
                logger.LogWarning(e, "Integration task {TaskId}: attaching data to new records failed", run.Task.Id);
                return RunOutcome.Failed;
            }
        }, cancellationToken);

    private async Task<RunOutcome> WithLeaseAsync(string teamId, string taskId, Func<IntegrationTaskRun, CancellationToken, Task<RunOutcome>> work,
        CancellationToken cancellationToken)
    {
        var team = store.ForTeam(teamId);
        var task = await team.IntegrationTasks.GetAsync(taskId, cancellationToken);
        if (task is null)
            return RunOutcome.Gone;
        var now = clock.GetUtcNow();
        if (!await team.IntegrationTasks.TryLeaseAsync(taskId, Owner, now, now + LeaseLength, cancellationToken))
            return RunOutcome.Busy;
        try
        {
            // Read again under the lease: the state may have moved while another run held it.
            task = await team.IntegrationTasks.GetAsync(taskId, cancellationToken);
            return task is null ? RunOutcome.Gone : await work(new IntegrationTaskRun(team, task, task.State, Owner, LeaseLength, clock), cancellationToken);
        }
        catch (LeaseLostException e)
        {
            logger.LogWarning(e, "Integration task {TaskId} stopped", taskId);
            return RunOutcome.Busy;
        }
        finally
        {
            await team.IntegrationTasks.ReleaseAsync(taskId, Owner, CancellationToken.None);
        }
    }

    private async Task<RunOutcome> RunTaskAsync(IntegrationTaskRun run, CancellationToken cancellationToken)
    {
        // Counted for the log: a backfill should cost a fixed few plus two per page (attach, save).
        using var trips = StoreRoundTrips.Begin();
        using var activity = Telemetry.GatherTelemetry.Source.StartActivity("integration_task.run");
        activity?.SetTag("gather.task.id", run.Task.Id);
        activity?.SetTag("gather.task.kind", run.Task.Kind.ToString());
        var sync = syncs.Find(run.Task.Kind);
        var state = run.State;
        var now = run.Now;
        // A run goes on from its cursor; after a finished run (or a failure before any page) it starts over.
        state = state.Cursor is not null
            ? state with { Status = IntegrationTaskStatus.Running, StartedAt = state.StartedAt ?? now, LastError = null }
            : state with
            {
                // The last check's findings stay until this run's own check replaces them.
                Status = IntegrationTaskStatus.Running, Progress = IntegrationTaskProgress.None with { ChargeIds = state.Progress.ChargeIds },
                StartedAt = now, FinishedAt = null, LastError = null,
            };
        await run.SaveAsync(state, cancellationToken);
        logger.LogInformation("Integration task {TaskId} ({Kind}) runs{From}", run.Task.Id, run.Task.Kind,
            state.Cursor is null ? "" : $" on from {state.Cursor}");
        try
        {
            await (sync ?? throw new IntegrationTaskException($"No registered integration runs {run.Task.Kind} tasks.")).RunAsync(run, cancellationToken);
            var finished = run.Now;
            await run.SaveAsync(run.State with
            {
                Status = IntegrationTaskStatus.Succeeded, Cursor = null, BackfillDone = true, FinishedAt = finished,
                NextRunAt = finished.AddMinutes(settings.Value.ReconcileMinutes), LastError = null,
            }, CancellationToken.None);
            logger.LogInformation("Integration task {TaskId} finished: {Scanned} scanned, {Changed} records updated, {Trips} store round trips",
                run.Task.Id, run.State.Progress.Scanned, run.State.Progress.RecordsChanged, trips.Count);
            return RunOutcome.Finished;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Integration task {TaskId} interrupted at {Cursor}; the next run goes on from there", run.Task.Id, run.State.Cursor);
            return RunOutcome.Interrupted;
        }
        catch (Exception e) when (e is IntegrationTaskException || sync?.IsFailure(e, cancellationToken) == true)
        {
            var failed = run.Now;
            logger.LogWarning(e, "Integration task {TaskId} failed", run.Task.Id);
            await run.SaveAsync(run.State with
            {
                Status = IntegrationTaskStatus.Failed, FinishedAt = failed, NextRunAt = failed.AddMinutes(settings.Value.RetryMinutes), LastError = e.Message,
            }, CancellationToken.None);
            return RunOutcome.Failed;
        }
    }
}
