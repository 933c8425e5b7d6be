using Gather.Infrastructure.IntegrationTasks;
using System.Text.Json;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Teams;
using Microsoft.Extensions.Logging;

namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>
/// Applies a signed Stripe delivery (<see cref="StripeWebhookVerifier"/>) for an integration:
/// refuses an event not shaped as Stripe documents it, answers a delivery it has applied before
/// (by event id) as a duplicate, and applies charge events to the records their charges are
/// attached to, keeping a newer state where a late event arrives after it. Work is one store
/// write per task, so Stripe gets its 2xx at once.
/// </summary>
/// <remarks>
/// The event id is remembered only after its effect is stored, never before: an event whose
/// effect failed (503) is not taken for a duplicate when Stripe delivers it again. This is safe
/// because the effect is idempotent: attaching a snapshot keeps the newer of the held and the
/// given state (<see cref="AttachedData"/>), so applying an event twice, whether two deliveries
/// race or remembering failed after the effect, stores what applying it once does. A dispute
/// re-reads its charge from Stripe, which is the newest state either way.
/// </remarks>
public sealed class StripeWebhookReceiver(IGatherStore store, SecretProtector secrets, StripeGateway stripe, StripeReader reader,
    TimeProvider clock, ILogger<StripeWebhookReceiver> logger)
{
    /// <summary>Stripe retries a delivery for up to three days; ids are remembered a while longer.</summary>
    private static readonly TimeSpan RememberEvents = TimeSpan.FromDays(7);

    public async Task<WebhookOutcome> ReceiveAsync(SignedDelivery delivery, CancellationToken cancellationToken)
    {
        if (StripeWebhookEvent.Read(delivery.Body.Span, out var problem) is not { } stripeEvent)
            return new(400, problem!, WebhookRefusal.Event);
        var (eventId, type, integrationId) = (stripeEvent.Id, stripeEvent.Type, delivery.Integration.Id);
        var team = store.ForTeam(delivery.TeamId);
        if (await team.Integrations.HasEventAsync(integrationId, eventId, cancellationToken))
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
            var (charge, asOf, unknownId) = await ChargeOfAsync(delivery.Integration, stripeEvent, cancellationToken);
            if (unknownId is not null)
            {
                // Permanent, and not the sender's mistake to fix: acknowledged once, so Stripe does not retry it for days.
                await team.Integrations.RememberEventAsync(integrationId, eventId, delivery.ReceivedAt, delivery.ReceivedAt - RememberEvents, cancellationToken);
                logger.LogWarning("Stripe event {EventId} ({Type}) names charge {ChargeId}, which Stripe does not know", eventId, type, unknownId);
                return new(200, $"Event {eventId}: Stripe does not know charge '{unknownId}', so nothing was applied.");
            }
            if (charge is null)
                return new(400, $"Event {eventId} names a charge that Stripe returned in a form Gather cannot read.", WebhookRefusal.Event);
            changed = await ApplyAsync(team, tasks, charge, asOf, clock.GetUtcNow(), cancellationToken);
            await team.Integrations.RememberEventAsync(integrationId, eventId, delivery.ReceivedAt, delivery.ReceivedAt - RememberEvents, cancellationToken);
        }
        catch (Exception e) when (StoreUnavailable.Is(e) || StripeGateway.IsFailure(e, cancellationToken))
        {
            // Nothing remembered: Stripe's retry applies the event (again, harmlessly, where the effect was stored).
            logger.LogWarning(e, "Stripe event {EventId} ({Type}) could not be applied", eventId, type);
            var storeDown = StoreUnavailable.Is(e);
            return new(503, $"Event {eventId} could not be applied now ({(storeDown ? "the store is unavailable" : e.Message)}); deliver it again later.",
                storeDown ? WebhookRefusal.StoreUnavailable : WebhookRefusal.StripeUnavailable);
        }
        reader.Invalidate(delivery.TeamId);
        logger.LogInformation("Stripe event {EventId} ({Type}) updated {Changed} records", eventId, type, changed);
        return new(200, $"Event {eventId} applied to {changed} records.");
    }

    /// <summary>
    /// The charge the event is about, as of when: carried by a charge event; read from Stripe for a
    /// dispute. Null when Stripe's charge cannot be read; <c>UnknownId</c> is the dispute's charge id when Stripe answers 404.
    /// </summary>
    private async Task<(StripeCharge? Charge, long AsOf, string? UnknownId)> ChargeOfAsync(Integration integration, StripeWebhookEvent stripeEvent,
        CancellationToken cancellationToken)
    {
        if (!stripeEvent.IsDispute)
            return (StripeCharge.From(stripeEvent.Object), stripeEvent.Created, null);
        // A dispute names its charge; the charge's own state (disputed, refunds) is read from Stripe.
        var chargeId = StripeJson.ExpandableId(stripeEvent.Object, "charge")!;
        JsonElement json;
        try
        {
            json = await stripe.GetAsync(integration.TeamId, $"/v1/charges/{Uri.EscapeDataString(chargeId)}", [], secrets.Unprotect(integration.EncryptedSecretKey),
                cancellationToken);
        }
        catch (Stripe.StripeException e) when (e.HttpStatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return (null, 0, chargeId);
        }
        return (json.ValueKind == JsonValueKind.Object && StripeWebhookEvent.ChargeProblem(json) is null ? StripeCharge.From(json) : null,
            clock.GetUtcNow().ToUnixTimeSeconds(), null);
    }

    private static async Task<int> ApplyAsync(ITeamStore team, IReadOnlyList<IntegrationTask> tasks, StripeCharge charge, long asOf,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        AttachedSnapshot[] snapshot = [ChargeSnapshot.Attached(charge, asOf)];
        var changed = 0;
        foreach (var task in tasks)
            changed += await team.Records.AttachAsync(task.Options.ModelId!, task.Options.ChargeIdPath(), AttachedData.StripeCharge, snapshot, now,
                cancellationToken);
        return changed;
    }
}
