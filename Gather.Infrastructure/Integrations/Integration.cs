namespace Gather.Infrastructure.Integrations;

/// <summary>
/// A connection to an outside service. The secret key is stored only encrypted
/// (<see cref="SecretProtector"/>); the last four characters are kept in clear so people can
/// tell keys apart.
/// </summary>
public sealed record Integration(
    string Id,
    string TeamId,
    IntegrationKind Kind,
    string EncryptedSecretKey,
    string SecretKeyLast4,
    DateTimeOffset CreatedAt);

public enum IntegrationKind
{
    Stripe,
}
