using Gather.Infrastructure.Models;
using Gather.Infrastructure.Security;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Storage.Sqlite;
using Gather.Infrastructure.Teams;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gather.Bench;

/// <summary>
/// The baseline side: the SQLite adapter called directly in this process, on a file of its own,
/// with no HTTP, authentication, GraphQL or normalization in between.
/// </summary>
public sealed class DirectStore
{
    private DirectStore(ITeamStore team, string secret)
    {
        Team = team;
        Secret = secret;
    }

    public ITeamStore Team { get; }

    /// <summary>The team's admin key, for calling a server on the same file as this team.</summary>
    public string Secret { get; }

    public static async Task<DirectStore> CreateAsync(string databasePath, string teamName = "Bench")
    {
        var connections = new SqliteConnectionFactory(Options.Create(new SqliteOptions { Path = databasePath }));
        await new SqliteStoreInitializer(connections, NullLogger<SqliteStoreInitializer>.Instance).InitializeAsync(CancellationToken.None);
        return await CreateTeamAsync(new SqliteStore(connections), teamName);
    }

    /// <summary>A new team with an admin key on a store already open.</summary>
    public static async Task<DirectStore> CreateTeamAsync(SqliteStore store, string teamName)
    {
        var now = DateTimeOffset.UtcNow;
        var team = new Team(DocumentIds.New("team"), teamName, now);
        var secret = ApiKeySecret.Generate();
        await store.CreateTeamAsync(team, new ApiKey(DocumentIds.New("key"), team.Id, "bench", ApiKeySecret.Hash(secret),
            ApiKeySecret.Preview(secret), [ApiKeyScope.Admin], now), CancellationToken.None);
        return new DirectStore(store.ForTeam(team.Id), secret);
    }

    /// <summary>An existing team on a file a server also uses (SQLite lets both read and write it), for the same statements without HTTP or GraphQL.</summary>
    public static ITeamStore Open(string databasePath, string teamId) =>
        new SqliteStore(new SqliteConnectionFactory(Options.Create(new SqliteOptions { Path = databasePath }))).ForTeam(teamId);

    /// <summary>A custom model, inserted as the GraphQL mutation would.</summary>
    public async Task<Model> CreateModelAsync(string name, string idField)
    {
        var now = DateTimeOffset.UtcNow;
        var model = new Model(DocumentIds.New("model"), Team.TeamId, name, ModelKind.Custom, idField, [], now, now);
        await Team.Models.InsertAsync(model, CancellationToken.None);
        return model;
    }

    /// <summary>Account and Customer, as every team has them.</summary>
    public async Task<IReadOnlyList<Model>> CreateStandardModelsAsync()
    {
        var models = StandardModels.For(Team.TeamId, DateTimeOffset.UtcNow);
        await Team.Models.EnsureAsync(models, CancellationToken.None);
        return models;
    }

    public static void ReleaseFiles() => SqliteConnection.ClearAllPools();
}
