using Gather.Infrastructure.IntegrationTasks.Operations;
using Gather.Infrastructure.Teams;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>
/// Sync Stripe Charges: pages through every charge in the Stripe account (100 per call, newest
/// first, the next page read while the current one is written) and attaches each one's
/// <see cref="ChargeSnapshot"/> to the model's records whose charge id field holds its id. One
/// store write per page, then the cursor is saved, so a run cut off anywhere goes on from the
/// last page it finished.
/// </summary>
public sealed class StripeChargesSync(StripeGateway stripe, SecretProtector secrets, StripeReader reader, IntegrationTaskIndexes indexes,
    StripeChargesOptions chargesOptions, IOptions<IntegrationTaskSettings> settings, ILogger<StripeChargesSync> logger) : IAttachingTaskSync
{
    public const int PageSize = StripeGateway.MaxPageSize;

    /// <summary>How many pages between progress lines in the log.</summary>
    private const int LogEveryPages = 10;

    public IntegrationTaskKind Kind => IntegrationTaskKind.SyncStripeCharges;

    public Task<Result<IntegrationTaskOptions>> CheckOptionsAsync(ITeamStore team, string integrationId, IntegrationTaskOptions? options,
        IReadOnlyList<IntegrationTask> existing, CancellationToken cancellationToken) =>
        chargesOptions.CheckAsync(team, options, existing, cancellationToken);

    public bool IsFailure(Exception exception, CancellationToken cancellationToken) => StripeGateway.IsFailure(exception, cancellationToken);

    public async Task RunAsync(IntegrationTaskRun run, CancellationToken cancellationToken)
    {
        var (key, model, field) = await PrepareAsync(run, cancellationToken);
        var modelId = model.Id;
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
        // Every charge in the account was offered: a record still without its charge names one Stripe does not know.
        await CheckAsync(run, model, field, cancellationToken);
    }

    /// <summary>
    /// Attaches the charges of records that have none (or another one) yet, e.g. orders synced
    /// after the backfill: reads those charges by id. Returns how many records changed.
    /// </summary>
    public async Task<int> AttachNewRecordsAsync(IntegrationTaskRun run, CancellationToken cancellationToken)
    {
        var (key, model, field) = await PrepareAsync(run, cancellationToken);
        var modelId = model.Id;
        var tried = new HashSet<string>(StringComparer.Ordinal);
        var changed = 0;
        while (true)
        {
            // An empty id would read Stripe's list of charges rather than one charge.
            var ids = (await run.Team.Records.UnattachedIdsAsync(modelId, field, AttachedData.StripeCharge, PageSize + tried.Count, cancellationToken))
                .Where(id => id.Length > 0).Where(tried.Add).Take(PageSize).ToList();
            if (ids.Count == 0)
            {
                // Every unattached id was read by id: those still without a charge are ids Stripe does not know.
                if (tried.Count > 0)
                    await CheckAsync(run, model, field, cancellationToken);
                return changed;
            }
            var charges = await reader.ChargesByIdAsync(run.Team.TeamId, key, ids, cancellationToken);
            if (charges.Values.FirstOrDefault(c => c.Error is not null) is { Error: { } error })
                throw new IntegrationTaskException(error);
            changed += await AttachAsync(run, modelId, field, charges.Values.Select(c => c.Value).OfType<StripeCharge>(), cancellationToken);
        }
    }

    /// <summary>Counts the records the task could not match (one read of the model), saves that with its warnings, and logs them.</summary>
    private async Task CheckAsync(IntegrationTaskRun run, Models.Model model, FieldPath field, CancellationToken cancellationToken)
    {
        var coverage = await run.Team.Records.CoverageAsync(model.Id, field, AttachedData.StripeCharge, settings.Value.UnmatchedExamples, cancellationToken);
        var check = ChargeIdCheck.From(coverage, run.Now);
        var warnings = IntegrationTaskWarning.For(model.Name, field.ToString(), check);
        await run.SaveCheckAsync(check, warnings, cancellationToken);
        foreach (var warning in warnings)
            logger.LogWarning("Integration task {TaskId}: {Code} {Warning}", run.Task.Id, warning.Code, warning.Message);
    }

    /// <summary>One store write: each charge's snapshot onto the records whose charge id field names it.</summary>
    private static Task<int> AttachAsync(IntegrationTaskRun run, string modelId, FieldPath field, IEnumerable<StripeCharge> charges,
        CancellationToken cancellationToken)
    {
        var fetchedAt = run.Now;
        var snapshots = charges.Select(c => ChargeSnapshot.Attached(c, fetchedAt.ToUnixTimeSeconds())).ToList();
        return run.Team.Records.AttachAsync(modelId, field, AttachedData.StripeCharge, snapshots, fetchedAt, cancellationToken);
    }

    private async Task<(string Key, Models.Model Model, FieldPath Field)> PrepareAsync(IntegrationTaskRun run, CancellationToken cancellationToken)
    {
        var integration = await run.IntegrationAsync(cancellationToken);
        var modelId = run.Task.Options.ModelId!;
        if (await run.Team.Models.GetAsync(modelId, cancellationToken) is not { } model)
            throw new IntegrationTaskException($"The task's model '{modelId}' no longer exists.");
        var field = run.Task.Options.ChargeIdPath();
        // Held again on every run (one read when nothing changes; the model's size is asked only when
        // the index would be built): a task stored before indexes had owners gets its own here. A task
        // deleted meanwhile must not keep one it just took, so that case is checked after (a delete
        // after the check lets go itself).
        var held = await indexes.HoldIndexesAsync(run.Team, run.Task, cancellationToken);
        if (IntegrationTaskIndexes.Problem(held) is { } problem)
            throw new IntegrationTaskException(problem.Message);
        if (held.Changed && await run.Team.IntegrationTasks.GetAsync(run.Task.Id, cancellationToken) is null)
        {
            await indexes.ReleaseAsync(run.Team, run.Task.Id, cancellationToken);
            throw new IntegrationTaskException("The task was deleted.");
        }
        return (secrets.Unprotect(integration.EncryptedSecretKey), model, field);
    }
}
