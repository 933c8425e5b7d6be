namespace Gather.Infrastructure.Security;

/// <summary>
/// A team's credential. Only <see cref="SecretHash"/> is stored; the secret itself is
/// shown once at creation. <see cref="Preview"/> (the last characters) lets people tell keys
/// apart in lists without revealing them.
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
    /// <summary>At most <see cref="ApiKeySecret.PreviewCharacters"/> characters of the secret, however the preview was stored.</summary>
    public string Preview { get; init; } = ApiKeySecret.Shorten(Preview);

    public bool IsRevoked => RevokedAt is not null;
}
