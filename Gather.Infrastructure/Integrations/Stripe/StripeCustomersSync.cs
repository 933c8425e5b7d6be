using Gather.Infrastructure.IntegrationTasks.Operations;
using Gather.Infrastructure.Teams;
using Gather.Infrastructure.IntegrationTasks;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Validation;
using Gather.Infrastructure.Records.Operations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>
/// Sync Stripe Customers: pages through the Stripe account's customers (100 per call, read ahead) and
/// upserts them into the standard models, through the same sync as every other writer: a
/// Customer by email (with its account and, when Stripe has one, its name) and its Account by
/// name. The account name comes from <see cref="AccountNameOf"/>'s rule. Customers without an
/// email cannot be keyed and are skipped.
/// </summary>
public sealed class StripeCustomersSync(StripeGateway stripe, SecretProtector secrets, RecordService records, IOptions<StripeOptions> options,
    ILogger<StripeCustomersSync> logger) : IIntegrationTaskSync
{
    public IntegrationTaskKind Kind => IntegrationTaskKind.SyncStripeCustomers;

    /// <summary>Customers need no options; one such task per integration is enough.</summary>
    public Task<Result<IntegrationTaskOptions>> CheckOptionsAsync(ITeamStore team, string integrationId, IntegrationTaskOptions? options,
        IReadOnlyList<IntegrationTask> existing, CancellationToken cancellationToken) =>
        Task.FromResult(existing.Any(t => t.Kind == Kind && t.IntegrationId == integrationId)
            ? Result<IntegrationTaskOptions>.Invalid([new("kind", "alreadyExists", "This integration already has a Sync Stripe Customers task.")])
            : Result<IntegrationTaskOptions>.Ok(new IntegrationTaskOptions(null, null)));

    public bool IsFailure(Exception exception, CancellationToken cancellationToken) => StripeGateway.IsFailure(exception, cancellationToken);

    public async Task RunAsync(IntegrationTaskRun run, CancellationToken cancellationToken)
    {
        var key = secrets.Unprotect((await run.IntegrationAsync(cancellationToken)).EncryptedSecretKey);
        var teamId = run.Team.TeamId;
        await foreach (var page in stripe.ReadPagesAsync(run.Team.TeamId, "/v1/customers", key, run.State.Cursor, StripeCustomer.From, cancellationToken))
        {
            var withEmail = page.Data.Where(c => !string.IsNullOrWhiteSpace(c.Email)).ToList();
            var accounts = withEmail.Select(AccountNameOf).Distinct(StringComparer.Ordinal)
                .Select(name => new RecordInput(new JsonObject { ["name"] = name })).ToList();
            var customers = withEmail.Select(c =>
            {
                var fields = new JsonObject { ["email"] = c.Email, [StandardModels.CustomerAccountField] = AccountNameOf(c) };
                if (!string.IsNullOrWhiteSpace(c.Name))
                    fields["name"] = c.Name;
                return new RecordInput(fields);
            }).ToList();
            var changed = 0;
            if (accounts.Count > 0)
                changed += Written(await records.SyncAsync(run.Team, StandardModels.IdFor(teamId, StandardModels.Account), accounts, cancellationToken));
            if (customers.Count > 0)
                changed += Written(await records.SyncAsync(run.Team, StandardModels.IdFor(teamId, StandardModels.Customer), customers, cancellationToken));
            await run.SavePageAsync(page.Data.LastOrDefault()?.Id, page.Data.Count, changed, cancellationToken);
        }
    }

    /// <summary>The account a Stripe customer belongs to: the configured metadata key, else the customer's name, else the email's domain.</summary>
    public string AccountNameOf(StripeCustomer customer)
    {
        if (customer.Metadata.TryGetProperty(options.Value.AccountNameMetadataKey, out var named) && named.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(named.GetString()))
            return named.GetString()!.Trim();
        if (!string.IsNullOrWhiteSpace(customer.Name))
            return customer.Name.Trim();
        var email = customer.Email!;
        return email[(email.LastIndexOf('@') + 1)..].ToLowerInvariant();
    }

    private int Written(Validation.Result<SyncResult> result)
    {
        if (!result.Succeeded)
            throw new IntegrationTaskException(string.Join("; ", result.Problems.Select(p => p.Message)));
        var synced = result.Value!;
        foreach (var problem in synced.Errors)
            logger.LogWarning("Sync Stripe Customers skipped a record: {Problem}", problem.Message);
        return synced.Outcomes.Count(o => o.Status != RecordSyncStatus.Unchanged);
    }
}
