namespace Gather.Infrastructure.Storage;

/// <summary>Guards shared by both adapters for the team-scoping rule.</summary>
internal static class TeamScope
{
    public static void EnsureOwned(string storeTeamId, string documentTeamId, string documentKind)
    {
        if (!string.Equals(storeTeamId, documentTeamId, StringComparison.Ordinal))
            throw new InvalidOperationException(
                $"Refusing to write a {documentKind} of team '{documentTeamId}' through the store of team '{storeTeamId}'.");
    }

    public static string Require(string teamId) =>
        string.IsNullOrWhiteSpace(teamId)
            ? throw new ArgumentException("A team store needs a team id.", nameof(teamId))
            : teamId;
}
