namespace Gather.Infrastructure.Security;

/// <summary>
/// What an API key may do. Scopes are cumulative, in this order: <see cref="ManageViews"/>
/// includes <see cref="Read"/>, <see cref="Write"/> includes both, and <see cref="Admin"/>
/// includes everything, so a backend key that syncs records can also read back what it wrote.
/// </summary>
/// <remarks>
/// The numbers give the order only; they are never stored. Stores and claims keep a scope by its
/// wire name (<see cref="ApiKeyScopes.ToWireName"/>), so inserting a scope between two others
/// leaves every stored key's rights as they were.
/// </remarks>
public enum ApiKeyScope
{
    /// <summary>Query models, records and views.</summary>
    Read = 1,

    /// <summary>Create, change and delete views (shared configuration, not data), and everything <see cref="Read"/> allows.</summary>
    ManageViews = 2,

    /// <summary>Sync and delete records, and everything <see cref="ManageViews"/> allows.</summary>
    Write = 3,

    /// <summary>Manage API keys, models, relationships, integrations and tasks, and everything <see cref="Write"/> allows.</summary>
    Admin = 4,
}

/// <summary>Scope checks and names in one place, so the cumulative rule is not re-implemented per caller.</summary>
public static class ApiKeyScopes
{
    // The names stores, claims and messages use. Explicit rather than derived from the enum, so a
    // renamed or renumbered member can never change what a stored key means.
    private static readonly (ApiKeyScope Scope, string Name)[] WireNames =
    [
        (ApiKeyScope.Read, "read"), (ApiKeyScope.ManageViews, "manage_views"), (ApiKeyScope.Write, "write"), (ApiKeyScope.Admin, "admin"),
    ];

    public static bool Grants(this IReadOnlyCollection<ApiKeyScope> held, ApiKeyScope required) =>
        held.Any(scope => scope >= required);

    public static string ToWireName(this ApiKeyScope scope) =>
        WireNames.FirstOrDefault(w => w.Scope == scope).Name ?? throw new ArgumentOutOfRangeException(nameof(scope), scope, "Not an API key scope.");

    /// <summary>A scope by its wire name (<c>manage_views</c>) or GraphQL name (<c>MANAGE_VIEWS</c>), any case; numbers are refused.</summary>
    public static bool TryParse(string value, out ApiKeyScope scope)
    {
        foreach (var (candidate, name) in WireNames)
            if (string.Equals(value, name, StringComparison.OrdinalIgnoreCase))
            {
                scope = candidate;
                return true;
            }
        scope = default;
        return false;
    }
}
