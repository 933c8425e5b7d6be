using Gather.Infrastructure.IntegrationTasks.Operations;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Teams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;

namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>
/// The Stripe webhook endpoint of an integration: registered at
/// <c>{Gather:PublicUrl}/webhooks/stripe/{integrationId}</c> while a Sync Stripe Charges task
/// needs it, its signing secret stored encrypted; removed when no task needs it or the
/// integration goes.
/// </summary>
public sealed class StripeWebhooks(StripeGateway stripe, SecretProtector secrets, IOptions<PublicUrlOptions> publicUrl,
    IOptions<IntegrationTaskSettings> settings, ILogger<StripeWebhooks> logger) : IIntegrationTasksWatcher
{
    public Task<string?> TasksChangedAsync(ITeamStore team, Integration integration, CancellationToken cancellationToken) =>
        integration.Kind == IntegrationKind.Stripe ? EnsureForAsync(team, integration, cancellationToken) : Task.FromResult<string?>(null);

    /// <summary>The charge events Gather applies to attached charges.</summary>
    public static readonly IReadOnlyList<string> ChargeEvents =
    [
        "charge.captured", "charge.expired", "charge.failed", "charge.pending", "charge.refunded", "charge.succeeded", "charge.updated",
        "charge.dispute.created", "charge.dispute.updated", "charge.dispute.closed",
    ];

    public static string PathFor(string integrationId) => $"/webhooks/stripe/{integrationId}";

    /// <summary>
    /// Registers or removes the endpoint so that it exists exactly while a charges task needs it.
    /// Returns a note for the task's status when webhooks cannot be had (no public URL, Stripe refused).
    /// </summary>
    public async Task<string?> EnsureForAsync(ITeamStore team, Integration integration, CancellationToken cancellationToken)
    {
        var needed = (await team.IntegrationTasks.ListAsync(cancellationToken))
            .Any(t => t.IntegrationId == integration.Id && t.Kind == IntegrationTaskKind.SyncStripeCharges);
        if (!needed)
        {
            await RemoveAsync(team, integration, cancellationToken);
            return null;
        }
        if (string.IsNullOrEmpty(publicUrl.Value.PublicUrl))
            return $"Gather:PublicUrl is not set, so Stripe cannot send webhooks here; changes arrive with the reconcile every {settings.Value.ReconcileMinutes} minutes.";
        if (integration.WebhookEndpointId is not null)
            return null;
        var key = secrets.Unprotect(integration.EncryptedSecretKey);
        var url = publicUrl.Value.PublicUrl.TrimEnd('/') + PathFor(integration.Id);
        // One idempotency key across the gateway's retries, so a retried create cannot make a second endpoint.
        var idempotencyKey = $"gather-webhook-{integration.Id}-{Guid.NewGuid():N}";
        try
        {
            var endpoint = await stripe.RunAsync(client => new WebhookEndpointService(client).CreateAsync(new WebhookEndpointCreateOptions
            {
                Url = url, EnabledEvents = [.. ChargeEvents], Description = "Gather: Sync Stripe Charges",
            }, new RequestOptions { IdempotencyKey = idempotencyKey }, cancellationToken), team.TeamId, key, cancellationToken);
            await team.Integrations.SetWebhookAsync(integration.Id, endpoint.Id, secrets.Protect(endpoint.Secret), cancellationToken);
            logger.LogInformation("Registered Stripe webhook endpoint {EndpointId} at {Url}", endpoint.Id, url);
            return null;
        }
        catch (Exception e) when (StripeGateway.IsFailure(e, cancellationToken))
        {
            logger.LogWarning(e, "Could not register a Stripe webhook endpoint at {Url}", url);
            return $"Registering the Stripe webhook endpoint failed ({e.Message}); changes arrive with the reconcile every {settings.Value.ReconcileMinutes} minutes.";
        }
    }

    /// <summary>Deletes the integration's endpoint at Stripe (already gone counts as done) and forgets it.</summary>
    public async Task RemoveAsync(ITeamStore team, Integration integration, CancellationToken cancellationToken)
    {
        if (integration.WebhookEndpointId is not { } endpointId)
            return;
        try
        {
            await stripe.RunAsync(client => new WebhookEndpointService(client).DeleteAsync(endpointId, cancellationToken: cancellationToken),
                team.TeamId, secrets.Unprotect(integration.EncryptedSecretKey), cancellationToken);
        }
        catch (StripeException e) when (e.HttpStatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // Deleted in Stripe's dashboard already.
        }
        catch (Exception e) when (StripeGateway.IsFailure(e, cancellationToken))
        {
            logger.LogWarning(e, "Could not delete Stripe webhook endpoint {EndpointId}; delete it in Stripe's dashboard", endpointId);
        }
        await team.Integrations.SetWebhookAsync(integration.Id, null, null, cancellationToken);
    }
}
