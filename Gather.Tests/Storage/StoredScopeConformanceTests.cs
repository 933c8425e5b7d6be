using Gather.Infrastructure.Security;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Storage.MongoDb;
using Gather.Infrastructure.Teams;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Tests.Storage;

/// <summary>
/// Keys stored before MANAGE_VIEWS existed (scopes written as <c>read</c>, <c>write</c>,
/// <c>admin</c> straight into each store, as earlier versions wrote them) keep exactly the rights
/// they had, and a MANAGE_VIEWS key round-trips, on every adapter.
/// </summary>
public abstract class StoredScopeConformanceTests
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    protected abstract Task<IGatherStore> CreateStoreAsync();

    /// <summary>Writes a key row or document as the store holds it, bypassing the adapter's mapping.</summary>
    protected abstract Task InsertStoredKeyAsync(string teamId, string id, string secretHash, string[] storedScopes);

    public static TheoryData<string, ApiKeyScope[]> StoredKeys => new()
    {
        // Stored scopes, then every scope the key must be granted (and no other).
        { "read", [ApiKeyScope.Read] },
        { "write", [ApiKeyScope.Read, ApiKeyScope.ManageViews, ApiKeyScope.Write] },
        { "admin", [ApiKeyScope.Read, ApiKeyScope.ManageViews, ApiKeyScope.Write, ApiKeyScope.Admin] },
        { "read,write", [ApiKeyScope.Read, ApiKeyScope.ManageViews, ApiKeyScope.Write] },
    };

    [SkippableTheory]
    [MemberData(nameof(StoredKeys))]
    public async Task A_stored_key_keeps_exactly_its_rights(string stored, ApiKeyScope[] granted)
    {
        var store = await CreateStoreAsync();
        var team = await NewTeamAsync(store);
        var hash = ApiKeySecret.Hash(ApiKeySecret.Generate());

        await InsertStoredKeyAsync(team.Id, DocumentIds.New("key"), hash, stored.Split(','));
        var key = await store.FindApiKeyBySecretHashAsync(hash, CancellationToken.None);

        Assert.NotNull(key);
        Assert.Equal(stored, string.Join(',', key.Scopes.Select(s => s.ToWireName())));
        Assert.Equal(granted, Enum.GetValues<ApiKeyScope>().Where(required => key.Scopes.Grants(required)));
    }

    [SkippableFact]
    public async Task A_manage_views_key_reads_back_as_written()
    {
        var store = await CreateStoreAsync();
        var team = await NewTeamAsync(store);
        var secret = ApiKeySecret.Generate();
        var key = new ApiKey(DocumentIds.New("key"), team.Id, "views", ApiKeySecret.Hash(secret), ApiKeySecret.Preview(secret), [ApiKeyScope.ManageViews], T0);

        await store.ForTeam(team.Id).InsertApiKeyAsync(key, CancellationToken.None);
        var found = await store.FindApiKeyBySecretHashAsync(key.SecretHash, CancellationToken.None);

        Assert.Equal([ApiKeyScope.ManageViews], found!.Scopes);
        Assert.True(found.Scopes.Grants(ApiKeyScope.Read));
        Assert.False(found.Scopes.Grants(ApiKeyScope.Write));
    }

    private static async Task<Team> NewTeamAsync(IGatherStore store)
    {
        var team = new Team(DocumentIds.New("team"), "Scopes", T0);
        var secret = ApiKeySecret.Generate();
        await store.CreateTeamAsync(team, new ApiKey(DocumentIds.New("key"), team.Id, "first", ApiKeySecret.Hash(secret),
            ApiKeySecret.Preview(secret), [ApiKeyScope.Admin], T0), CancellationToken.None);
        return team;
    }
}

/// <summary>Stored scopes on SQLite: the <c>api_keys.scopes</c> column, comma-separated names.</summary>
public sealed class SqliteStoredScopeConformanceTests : StoredScopeConformanceTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gather-scopes-").FullName;

    private string DatabasePath => Path.Combine(_directory, "store.db");

    protected override async Task<IGatherStore> CreateStoreAsync()
    {
        return (await SqliteTestStore.OpenAsync(DatabasePath)).Store;
    }

    protected override async Task InsertStoredKeyAsync(string teamId, string id, string secretHash, string[] storedScopes)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO api_keys (id, team_id, name, secret_hash, preview, scopes, created_at, revoked_at)
            VALUES ($id, $team, 'stored earlier', $hash, 'abcd', $scopes, $created, NULL)
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$team", teamId);
        command.Parameters.AddWithValue("$hash", secretHash);
        command.Parameters.AddWithValue("$scopes", string.Join(',', storedScopes));
        command.Parameters.AddWithValue("$created", T0.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { /* best effort */ }
    }
}

/// <summary>Stored scopes on MongoDB: the <c>apiKeys</c> documents' <c>scopes</c> array of names; skipped where no server is reachable.</summary>
public sealed class MongoStoredScopeConformanceTests(MongoServer server) : StoredScopeConformanceTests, IClassFixture<MongoServer>, IDisposable
{
    private readonly List<string> _databases = [];
    private MongoClient? _client;
    private IMongoDatabase? _database;

    protected override async Task<IGatherStore> CreateStoreAsync()
    {
        Skip.If(server.ConnectionString is null, server.SkipReason);
        _client ??= new MongoClient(MongoClientSettingsFactory.Create(new MongoOptions { ConnectionString = server.ConnectionString! }));
        var name = $"gather_test_{Guid.NewGuid():N}";
        _databases.Add(name);
        _database = _client.GetDatabase(name);
        var collections = new MongoCollections(_database);
        await new MongoStoreInitializer(collections, NullLogger<MongoStoreInitializer>.Instance).InitializeAsync(CancellationToken.None);
        return new MongoStore(collections, Options.Create(MongoServer.StoreOptions), TimeProvider.System);
    }

    protected override Task InsertStoredKeyAsync(string teamId, string id, string secretHash, string[] storedScopes) =>
        _database!.GetCollection<BsonDocument>("apiKeys").InsertOneAsync(new BsonDocument
        {
            { "_id", id }, { "teamId", teamId }, { "name", "stored earlier" }, { "secretHash", secretHash }, { "preview", "abcd" },
            { "scopes", new BsonArray(storedScopes) }, { "createdAt", T0.UtcDateTime },
        });

    public void Dispose()
    {
        foreach (var name in _databases)
            _client?.DropDatabase(name);
        _client?.Dispose();
    }
}
