namespace Gather.Infrastructure.Security;

/// <summary>
/// What an API key may do. Scopes are cumulative: <see cref="Write"/> includes
/// <see cref="Read"/>, and <see cref="Admin"/> includes both, so a backend key
/// that syncs records can also read back what it wrote.
/// </summary>
public enum ApiKeyScope
{
    Read = 1,
    Write = 2,
    Admin = 3,
}

/// <summary>Scope checks in one place, so the cumulative rule is not re-implemented per caller.</summary>
public static class ApiKeyScopes
{
    public static bool Grants(this IReadOnlyCollection<ApiKeyScope> held, ApiKeyScope required) =>
        held.Any(scope => scope >= required);

    public static string ToWireName(this ApiKeyScope scope) => scope.ToString().ToLowerInvariant();

    public static bool TryParse(string value, out ApiKeyScope scope) =>
        Enum.TryParse(value, ignoreCase: true, out scope) && Enum.IsDefined(scope);
}
