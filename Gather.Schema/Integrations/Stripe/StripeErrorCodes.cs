namespace Gather.Schema.Integrations.StripeIntegration;

/// <summary>The error codes Stripe's fields answer with, beside Gather's own (<see cref="Common.ErrorCodes"/>).</summary>
public static class StripeErrorCodes
{
    /// <summary>A Stripe field was asked for, but the team has not connected Stripe.</summary>
    public const string NotConnected = "STRIPE_NOT_CONNECTED";

    /// <summary>Stripe failed for this field (after retries); the rest of the response is intact.</summary>
    public const string Unavailable = "STRIPE_UNAVAILABLE";
}
