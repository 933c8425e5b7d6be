using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;
using Microsoft.Extensions.Logging;

namespace Gather.Infrastructure.IntegrationTasks;

/// <summary>
/// Sync Stripe Charges: pages through every charge in the Stripe account (100 per call, newest
/// first, the next page read while the current one is written) and attaches each one's
/// <see cref="ChargeSnapshot"/> to the model's records whose charge id field holds its id. One
/// store write per page, then the cursor is saved, so a run cut off anywhere goes on from the
/// last page it finished.
/// </summary>
public sealed class StripeChargesSync(StripeGateway stripe, SecretProtector secrets, StripeReader reader, IntegrationTaskIndexes indexes,
    ILogger<StripeChargesSync> logger)
{
    public const int PageSize = StripeGateway.MaxPageSize;

    /// <summary>How many pages between progress lines in the log.</summary>
    private const int LogEveryPages = 10;

    public async Task RunAsync(IntegrationTaskRun run, CancellationToken cancellationToken)
    {
        var (key, modelId, field) = await PrepareAsync(run, cancellationToken);
        var pages = 0;
        await foreach (var page in stripe.ReadPagesAsync(run.Team.TeamId, "/v1/charges", key, run.State.Cursor, StripeCharge.From, cancellationToken))
        {
            var changed = await AttachAsync(run, modelId, field, page.Data, cancellationToken);
            await run.SavePageAsync(page.Data.LastOrDefault()?.Id, page.Data.Count, changed, cancellationToken);
            if (changed > 0)
                reader.Invalidate(run.Team.TeamId);
            if (++pages % LogEveryPages == 0)
                logger.LogInformation("Integration task {TaskId}: {Scanned} charges scanned, {Changed} records updated",
                    run.Task.Id, run.State.Progress.Scanned, run.State.Progress.RecordsChanged);
        }
    }

    /// <summary>
    /// Attaches the charges of records that have none (or another one) yet, e.g. orders synced
    /// after the backfill: reads those charges by id. Returns how many records changed.
    /// </summary>
    public async Task<int> AttachNewRecordsAsync(IntegrationTaskRun run, CancellationToken cancellationToken)
    {
        var (key, modelId, field) = await PrepareAsync(run, cancellationToken);
        var tried = new HashSet<string>(StringComparer.Ordinal);
        var changed = 0;
        while (true)
        {
            var ids = (await run.Team.Records.UnattachedIdsAsync(modelId, field, AttachedData.StripeCharge, PageSize + tried.Count, cancellationToken))
                .Where(tried.Add).Take(PageSize).ToList();
            if (ids.Count == 0)
                return changed;
            var charges = await reader.ChargesByIdAsync(run.Team.TeamId, key, ids, cancellationToken);
            if (charges.Values.FirstOrDefault(c => c.Error is not null) is { Error: { } error })
                throw new IntegrationTaskException(error);
            changed += await AttachAsync(run, modelId, field, charges.Values.Select(c => c.Value).OfType<StripeCharge>(), cancellationToken);
        }
    }

    /// <summary>One store write: each charge's snapshot onto the records whose charge id field names it.</summary>
    private static Task<int> AttachAsync(IntegrationTaskRun run, string modelId, FieldPath field, IEnumerable<StripeCharge> charges,
        CancellationToken cancellationToken)
    {
        var fetchedAt = run.Now;
        var snapshots = charges.Select(c => ChargeSnapshot.Attached(c, fetchedAt.ToUnixTimeSeconds())).ToList();
        return run.Team.Records.AttachAsync(modelId, field, AttachedData.StripeCharge, snapshots, fetchedAt, cancellationToken);
    }

    private async Task<(string Key, string ModelId, FieldPath Field)> PrepareAsync(IntegrationTaskRun run, CancellationToken cancellationToken)
    {
        var integration = await run.IntegrationAsync(cancellationToken);
        var modelId = run.Task.Options.ModelId!;
        if (await run.Team.Models.GetAsync(modelId, cancellationToken) is null)
            throw new IntegrationTaskException($"The task's model '{modelId}' no longer exists.");
        var field = run.Task.Options.ChargeIdPath();
        // Held again on every run (one read when nothing changes): a task stored before indexes had
        // owners gets its own here. A task deleted meanwhile must not keep one it just took, so that
        // case is checked after (a delete after the check lets go itself).
        var held = await indexes.HoldIndexesAsync(run.Team, run.Task, cancellationToken);
        if (IntegrationTaskIndexes.Problem(held) is { } problem)
            throw new IntegrationTaskException(problem.Message);
        if (held.Changed && await run.Team.IntegrationTasks.GetAsync(run.Task.Id, cancellationToken) is null)
        {
            await indexes.ReleaseAsync(run.Team, run.Task.Id, cancellationToken);
            throw new IntegrationTaskException("The task was deleted.");
        }
        return (secrets.Unprotect(integration.EncryptedSecretKey), modelId, field);
    }
}

/// <summary>A task cannot go on for a reason its status should show (a deleted model, Stripe failing after retries).</summary>
public sealed class IntegrationTaskException(string message) : Exception(message);
