namespace Gather.Schema.Integrations.StripeIntegration;

/// <summary>
/// The error codes Stripe's fields and Stripe's webhook endpoint answer with, beside Gather's own
/// (<see cref="Common.ErrorCodes"/>).
/// </summary>
public static class StripeErrorCodes
{
    /// <summary>A Stripe field was asked for, but the team has not connected Stripe.</summary>
    public const string NotConnected = "STRIPE_NOT_CONNECTED";

    /// <summary>Stripe failed for this field (after retries), or while a webhook's event was applied.</summary>
    public const string Unavailable = "STRIPE_UNAVAILABLE";

    /// <summary>A webhook delivery's <c>Stripe-Signature</c> is missing, malformed, forged or too old, or there is no secret to check it with.</summary>
    public const string InvalidSignature = "STRIPE_INVALID_SIGNATURE";

    /// <summary>A signed webhook event, or the charge it names, is not shaped as Stripe documents it.</summary>
    public const string InvalidEvent = "STRIPE_INVALID_EVENT";
}
