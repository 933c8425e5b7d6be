namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>
/// What receiving a webhook came to: the HTTP status to answer, why, and for a refusal what kind
/// it is, which the endpoint names with a stable error code.
/// </summary>
public sealed record WebhookOutcome(int Status, string Message, WebhookRefusal Refusal = WebhookRefusal.None);

/// <summary>Why a delivery was not received. Stripe delivers a refused event again only when the refusal is transient (503).</summary>
public enum WebhookRefusal
{
    /// <summary>Received: applied, already received, or not an event Gather applies.</summary>
    None,

    /// <summary>No, a malformed, a forged or a too old <c>Stripe-Signature</c>, or no webhook secret to check it with.</summary>
    Signature,

    /// <summary>The body is not what any webhook body can be (not UTF-8 text).</summary>
    Body,

    /// <summary>No integration with the id in the URL receives webhooks here.</summary>
    UnknownIntegration,

    /// <summary>A signed event, or the charge it names as Stripe returned it, is not shaped as Stripe documents it.</summary>
    Event,

    /// <summary>The store failed while the event was applied; it can be applied when Stripe delivers it again.</summary>
    StoreUnavailable,

    /// <summary>Stripe failed while the event's charge was read; it can be applied when Stripe delivers it again.</summary>
    StripeUnavailable,
}
