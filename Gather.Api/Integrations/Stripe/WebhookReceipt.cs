namespace Gather.Api.Integrations.StripeIntegration;

/// <summary>The answer to a delivery Gather accepted: applied, already received, or not one it applies.</summary>
/// <param name="Received">Always true: Stripe need not deliver this event again.</param>
/// <param name="Message">What became of the event, for Stripe's dashboard.</param>
public sealed record WebhookReceipt(bool Received, string Message);
