using System.Security.Cryptography;
using System.Text;

namespace Gather.Infrastructure.Security;

/// <summary>
/// Generates and hashes API key secrets. Secrets carry 256 bits of randomness, so a single
/// SHA-256 (rather than a slow password hash) is enough to make the stored hash useless to
/// an attacker, and it lets authentication look a key up by hash in one indexed read.
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "gth_";
    public const int MinimumLength = 16;
    public const int MaximumLength = 256;

    public static string Generate() =>
        Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>The most characters of a secret ever shown after its creation.</summary>
    public const int PreviewCharacters = 4;

    /// <summary>
    /// Shows enough of a secret to tell keys apart, never enough to help guess it: its last
    /// <see cref="PreviewCharacters"/> characters (none of a secret shorter than
    /// <see cref="MinimumLength"/>), since a configured key may be as short as 16 characters.
    /// </summary>
    public static string Preview(string secret) =>
        secret.Length < MinimumLength ? "…" : "…" + secret[^PreviewCharacters..];

    /// <summary>
    /// A stored preview cut to what <see cref="Preview"/> shows today: earlier versions stored
    /// the first eight characters too.
    /// </summary>
    public static string Shorten(string preview)
    {
        var shown = preview[(preview.LastIndexOf('…') + 1)..];
        return "…" + (shown.Length > PreviewCharacters ? shown[^PreviewCharacters..] : shown);
    }

    /// <summary>Configured bootstrap keys are checked so a typo does not become a weak credential.</summary>
    public static string? Validate(string secret)
    {
        if (secret.Length < MinimumLength)
            return $"an API key must be at least {MinimumLength} characters long";
        if (secret.Length > MaximumLength)
            return $"an API key must be at most {MaximumLength} characters long";
        if (secret.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            return "an API key must not contain whitespace or control characters";
        return null;
    }

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
