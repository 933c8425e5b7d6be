using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Relationships;
using Gather.Infrastructure.Security;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Storage.Sqlite;
using Gather.Infrastructure.Teams;
using Microsoft.Extensions.Options;

namespace Gather.Bench;

/// <summary>
/// A second team in a running server's SQLite file, set up as the bootstrapper sets up the first
/// (standard models and relationship), since Gather has no public call that creates teams.
/// </summary>
public static class SecondTeam
{
    /// <summary>Creates the team with an admin key and returns the key's secret.</summary>
    public static async Task<string> CreateAsync(string databasePath)
    {
        var store = new SqliteStore(new SqliteConnectionFactory(Options.Create(new SqliteOptions { Path = databasePath })));
        var secret = ApiKeySecret.Generate();
        var team = new Team(DocumentIds.New("team"), "Team B", DateTimeOffset.UtcNow);
        await store.CreateTeamAsync(team, new ApiKey(DocumentIds.New("key"), team.Id, "team B admin", ApiKeySecret.Hash(secret),
            ApiKeySecret.Preview(secret), [ApiKeyScope.Admin], team.CreatedAt), CancellationToken.None);
        var scoped = store.ForTeam(team.Id);
        await new ModelService(Options.Create(new ModelOptions()), Options.Create(new SyncOptions()), TimeProvider.System)
            .EnsureStandardModelsAsync(scoped, CancellationToken.None);
        await new RelationshipService(Options.Create(new RelationshipOptions()), Options.Create(new ModelOptions()),
            Options.Create(new SyncOptions()), TimeProvider.System).EnsureStandardAsync(scoped, CancellationToken.None);
        return secret;
    }
}
