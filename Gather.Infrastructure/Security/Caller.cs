namespace Gather.Infrastructure.Security;

/// <summary>Who is making a request: the team and API key it authenticated with, and what that key may do.</summary>
public sealed record Caller(string TeamId, string ApiKeyId, IReadOnlyList<ApiKeyScope> Scopes)
{
    public bool Has(ApiKeyScope required) => Scopes.Grants(required);
}
