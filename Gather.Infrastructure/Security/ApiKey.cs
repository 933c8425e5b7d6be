namespace Gather.Infrastructure.Security;

/// <summary>
/// A team's credential. Only <see cref="SecretHash"/> is stored; the secret itself is
/// shown once at creation. <see cref="Preview"/> (prefix and last characters) lets people
/// tell keys apart in lists without revealing them.
/// </summary>
public sealed record ApiKey(
    string Id,
    string TeamId,
    string Name,
    string SecretHash,
    string Preview,
    IReadOnlyList<ApiKeyScope> Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt = null)
{
    public bool IsRevoked => RevokedAt is not null;
}
