using Gather.Infrastructure.Models;
using Gather.Infrastructure.Storage.MongoDb;
using Gather.Infrastructure.Teams;
using Gather.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace Gather.Tests.Records;

/// <summary>A seeded MongoDB database shared by the class's read-only cases; nothing when no server is reachable.</summary>
public sealed class MongoSeededStore : IAsyncLifetime
{
    private readonly MongoServer _server = new();
    private readonly List<string> _databases = [];
    private MongoClient? _client;

    public (IGatherStore Store, ITeamStore Team, Model Model)? Seeded { get; private set; }

    public string SkipReason => _server.SkipReason;

    public async Task<IGatherStore> CreateAsync() =>
        new MongoStore(await CreateCollectionsAsync(), Options.Create(MongoServer.StoreOptions), TimeProvider.System);

    /// <summary>A fresh, initialised database, for tests that build the adapter's parts themselves.</summary>
    internal async Task<MongoCollections> CreateCollectionsAsync()
    {
        Skip.If(_server.ConnectionString is null, _server.SkipReason);
        _client ??= new MongoClient(MongoClientSettingsFactory.Create(new MongoOptions { ConnectionString = _server.ConnectionString! }));
        var name = $"gather_test_{Guid.NewGuid():N}";
        _databases.Add(name);
        var collections = new MongoCollections(_client.GetDatabase(name));
        await new MongoStoreInitializer(collections, NullLogger<MongoStoreInitializer>.Instance).InitializeAsync(CancellationToken.None);
        return collections;
    }

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        if (_server.ConnectionString is null)
            return;
        var store = await CreateAsync();
        var (team, model) = await SeededRecordStore.SeedAsync(store);
        Seeded = (store, team, model);
    }

    public async Task DisposeAsync()
    {
        foreach (var name in _databases)
            await _client!.DropDatabaseAsync(name);
        _client?.Dispose();
        await _server.DisposeAsync();
    }
}

/// <summary>The record conformance suite on MongoDB: runs where a server or Docker is reachable, else every case is reported skipped.</summary>
public sealed class MongoRecordQueryConformanceTests(MongoSeededStore fixture) : RecordQueryConformanceTests, IClassFixture<MongoSeededStore>
{
    protected override Task<(IGatherStore Store, ITeamStore Team, Model Model)> SeededAsync()
    {
        Skip.If(fixture.Seeded is null, fixture.SkipReason);
        return Task.FromResult(fixture.Seeded!.Value);
    }

    protected override Task<IGatherStore> EmptyStoreAsync() => fixture.CreateAsync();
}
