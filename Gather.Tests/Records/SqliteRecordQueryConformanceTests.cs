using Gather.Infrastructure.Models;
using Gather.Infrastructure.Storage.Sqlite;
using Gather.Infrastructure.Teams;
using Microsoft.Data.Sqlite;

namespace Gather.Tests.Records;

/// <summary>A seeded SQLite store shared by the class's read-only cases.</summary>
public class SqliteSeededStore : IAsyncLifetime
{
    /// <summary>Whether its queries are written as if every field were indexed, whatever its indexes are.</summary>
    protected virtual bool WrittenAsIndexed => false;

    private readonly List<string> _directories = [];
    private readonly List<SqliteConnectionFactory> _stores = [];

    public (IGatherStore Store, ITeamStore Team, Model Model) Seeded { get; private set; }

    public async Task<IGatherStore> CreateAsync()
    {
        var directory = Directory.CreateTempSubdirectory("gather-records-").FullName;
        _directories.Add(directory);
        var (connections, store) = await Storage.SqliteTestStore.OpenAsync(Path.Combine(directory, "store.db"));
        if (WrittenAsIndexed)
            connections.IndexedFields.AssumeAllIndexed();
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

/// <summary>A seeded SQLite store whose queries are written for indexes on every field.</summary>
public sealed class SqliteSeededStoreWrittenAsIndexed : SqliteSeededStore
{
    protected override bool WrittenAsIndexed => true;
}

/// <summary>
/// The record conformance suite on SQLite with every query written as it is for an indexed field
/// (comparisons and bounds over the ordered value the index holds), while the suite above writes
/// them for a scan (plain values and type tests): a field gets one or the other depending on the
/// model's indexes, so both must select the same records.
/// </summary>
public sealed class SqliteIndexedQueryConformanceTests(SqliteSeededStoreWrittenAsIndexed fixture)
    : RecordQueryConformanceTests, IClassFixture<SqliteSeededStoreWrittenAsIndexed>
{
    protected override Task<(IGatherStore Store, ITeamStore Team, Model Model)> SeededAsync() => Task.FromResult(fixture.Seeded);

    protected override Task<IGatherStore> EmptyStoreAsync() => fixture.CreateAsync();

    protected override Task CatchUpSearchIndexAsync() => fixture.CatchUpSearchIndexesAsync();
}
