using Gather.Infrastructure.Models;
using Gather.Infrastructure.Storage.Sqlite;
using Gather.Infrastructure.Teams;
using Microsoft.Data.Sqlite;

namespace Gather.Tests.Records;

/// <summary>A seeded SQLite store shared by the class's read-only cases.</summary>
public sealed class SqliteSeededStore : IAsyncLifetime
{
    private readonly List<string> _directories = [];
    private readonly List<SqliteConnectionFactory> _stores = [];

    public (IGatherStore Store, ITeamStore Team, Model Model) Seeded { get; private set; }

    public async Task<IGatherStore> CreateAsync()
    {
        var directory = Directory.CreateTempSubdirectory("gather-records-").FullName;
        _directories.Add(directory);
        var (connections, store) = await Storage.SqliteTestStore.OpenAsync(Path.Combine(directory, "store.db"));
        _stores.Add(connections);
        return store;
    }

    /// <summary>Every store's search index brought up to date, as the indexer in the server does after writes.</summary>
    public async Task CatchUpSearchIndexesAsync()
    {
        foreach (var connections in _stores.ToList())
            await SqliteSearchIndexer.CatchUpAsync(connections, 7, CancellationToken.None);
    }

    public async Task InitializeAsync()
    {
        var store = await CreateAsync();
        var (team, model) = await SeededRecordStore.SeedAsync(store);
        Seeded = (store, team, model);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var directory in _directories)
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { /* best effort */ }
        return Task.CompletedTask;
    }
}

/// <summary>The record conformance suite on SQLite: always runs.</summary>
public sealed class SqliteRecordQueryConformanceTests(SqliteSeededStore fixture) : RecordQueryConformanceTests, IClassFixture<SqliteSeededStore>
{
    protected override Task<(IGatherStore Store, ITeamStore Team, Model Model)> SeededAsync() => Task.FromResult(fixture.Seeded);

    protected override Task<IGatherStore> EmptyStoreAsync() => fixture.CreateAsync();

    protected override Task CatchUpSearchIndexAsync() => fixture.CatchUpSearchIndexesAsync();
}
