using System.Text.Json;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;

namespace Gather.Infrastructure.IntegrationTasks;

/// <summary>What receiving a webhook came to: the HTTP status to answer and why.</summary>
public sealed record WebhookOutcome(int Status, string Message);

/// <summary>
/// Receives Stripe's webhook deliveries for an integration: verifies the <c>Stripe-Signature</c>
/// (Stripe.net's verifier, with a tolerance for the signed timestamp), ignores a delivery it has
/// seen (by event id), and applies charge events to the records their charges are attached to,
/// keeping a newer state where a late event arrives after it. Work is one store write per task,
/// so Stripe gets its 2xx at once.
/// </summary>
public sealed class StripeWebhookReceiver(IGatherStore store, SecretProtector secrets, StripeGateway stripe, StripeReader reader,
    IOptions<StripeOptions> options, TimeProvider clock, ILogger<StripeWebhookReceiver> logger)
{
    /// <summary>Stripe retries a delivery for up to three days; ids are remembered a while longer.</summary>
    private static readonly TimeSpan RememberEvents = TimeSpan.FromDays(7);

    public async Task<WebhookOutcome> ReceiveAsync(string integrationId, string payload, string? signature, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(signature))
            return new(400, "The Stripe-Signature header is missing.");
        if (await store.FindIntegrationTeamAsync(integrationId, cancellationToken) is not { } teamId)
            return new(404, $"No integration '{integrationId}' receives webhooks here.");
        var team = store.ForTeam(teamId);
        var integration = (await team.Integrations.FindAsync(integrationId, cancellationToken))!;
        if (integration.EncryptedWebhookSecret is not { } encrypted)
            return new(400, "This integration has no webhook endpoint registered, so no signature can be checked.");
        var now = clock.GetUtcNow();
        try
        {
            EventUtility.ValidateSignature(payload, signature, secrets.Unprotect(encrypted), options.Value.WebhookToleranceSeconds,
                now.ToUnixTimeSeconds());
        }
        catch (StripeException e)
        {
            return new(400, $"The webhook's signature was refused: {e.Message}");
        }

        JsonElement stripeEvent;
        string eventId, type;
        try
        {
            stripeEvent = JsonSerializer.Deserialize<JsonElement>(payload);
            eventId = StripeJson.Text(stripeEvent, "id");
            type = StripeJson.Text(stripeEvent, "type");
        }
        catch (JsonException e)
        {
            return new(400, $"The webhook is not a Stripe event: {e.Message}");
        }
        if (!await team.Integrations.RememberEventAsync(integrationId, eventId, now, now - RememberEvents, cancellationToken))
            return new(200, $"Event {eventId} was already received.");
        if (!StripeWebhooks.ChargeEvents.Contains(type))
            return new(200, $"Event {eventId} ({type}) is not one Gather applies.");

        var tasks = (await team.IntegrationTasks.ListAsync(cancellationToken))
            .Where(t => t.IntegrationId == integrationId && t.Kind == IntegrationTaskKind.SyncStripeCharges).ToList();
        if (tasks.Count == 0)
            return new(200, $"Event {eventId}: no Sync Stripe Charges task to apply it to.");

        int changed;
        try
        {
            changed = await ApplyAsync(team, integration, tasks, stripeEvent, type, now, cancellationToken);
        }
        catch (Exception e) when (IsUnreadable(e) || StripeGateway.IsFailure(e, cancellationToken))
        {
            // Forget the id so that Stripe's retry is applied rather than taken for a duplicate.
            await team.Integrations.ForgetEventAsync(integrationId, eventId, CancellationToken.None);
            logger.LogWarning(e, "Stripe event {EventId} ({Type}) could not be applied", eventId, type);
            return IsUnreadable(e)
                ? new(400, $"Event {eventId} does not hold a charge Gather can read: {e.Message}")
                : new(503, $"Event {eventId} could not be applied now ({e.Message}); Stripe will deliver it again.");
        }
        reader.Invalidate(teamId);
        logger.LogInformation("Stripe event {EventId} ({Type}) updated {Changed} records", eventId, type, changed);
        return new(200, $"Event {eventId} applied to {changed} records.");
    }

    /// <summary>What reading an event's charge throws when the event is not shaped as Stripe documents it.</summary>
    private static bool IsUnreadable(Exception e) => e is JsonException or KeyNotFoundException or InvalidOperationException;

    private async Task<int> ApplyAsync(ITeamStore team, Integration integration, IReadOnlyList<IntegrationTask> tasks, JsonElement stripeEvent,
        string type, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var eventObject = stripeEvent.GetProperty("data").GetProperty("object");
        StripeCharge charge;
        long asOf;
        if (type.StartsWith("charge.dispute.", StringComparison.Ordinal))
        {
            // A dispute names its charge; the charge's own state (disputed, refunds) is read from Stripe.
            var chargeId = StripeJson.Text(eventObject, "charge");
            asOf = now.ToUnixTimeSeconds();
            charge = StripeCharge.From(await stripe.GetAsync(integration.TeamId, $"/v1/charges/{Uri.EscapeDataString(chargeId)}", [],
                secrets.Unprotect(integration.EncryptedSecretKey), cancellationToken));
        }
        else
        {
            // The event carries the charge as it was when the event happened.
            charge = StripeCharge.From(eventObject);
            asOf = StripeJson.Number(stripeEvent, "created");
        }
        AttachedSnapshot[] snapshot = [ChargeSnapshot.Attached(charge, asOf)];
        var changed = 0;
        foreach (var task in tasks)
            changed += await team.Records.AttachAsync(task.Options.ModelId!, task.Options.ChargeIdPath(), AttachedData.StripeCharge, snapshot, now,
                cancellationToken);
        return changed;
    }
}
