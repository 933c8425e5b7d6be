namespace Gather.Infrastructure.Integrations;

/// <summary>
/// A connection to an outside service. The secret key is stored only encrypted
/// (<see cref="SecretProtector"/>); the last four characters are kept in clear so people can
/// tell keys apart. While a task needs webhooks, the integration has one Stripe webhook endpoint,
/// whose signing secret is also stored only encrypted.
/// </summary>
public sealed record Integration(
    string Id,
    string TeamId,
    IntegrationKind Kind,
    string EncryptedSecretKey,
    string SecretKeyLast4,
    DateTimeOffset CreatedAt)
{
    /// <summary>Stripe's id of the webhook endpoint Gather registered (<c>we_…</c>), if any.</summary>
    public string? WebhookEndpointId { get; init; }

    /// <summary>The endpoint's signing secret (<c>whsec_…</c>), encrypted like the key.</summary>
    public string? EncryptedWebhookSecret { get; init; }
}
