using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Storage.Sqlite;
using Gather.Infrastructure.Teams;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gather.Tests.Storage;

/// <summary>The conformance suite on the embedded adapter: always runs, one new file per test.</summary>
public sealed class SqliteStoreConformanceTests : StoreConformanceTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gather-sqlite-").FullName;

    protected override async Task<(IGatherStore Store, IStoreInitializer Initializer)> CreateStoreAsync()
    {
        var connections = new SqliteConnectionFactory(Options.Create(new SqliteOptions { Path = Path.Combine(_directory, "store.db") }));
        var initializer = new SqliteStoreInitializer(connections, NullLogger<SqliteStoreInitializer>.Instance);
        await initializer.InitializeAsync(CancellationToken.None);
        return (new SqliteStore(connections), initializer);
    }

    [Fact]
    public async Task The_file_is_in_WAL_mode_at_the_latest_schema_version()
    {
        await CreateStoreAsync();
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "store.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode; PRAGMA user_version;";
        await using var reader = await command.ExecuteReaderAsync();

        await reader.ReadAsync();
        Assert.Equal("wal", reader.GetString(0));
        await reader.NextResultAsync();
        await reader.ReadAsync();
        Assert.True(reader.GetInt32(0) >= 1);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
