using Gather.Infrastructure.Storage.Sqlite;
using Gather.Tests.Support;
using Microsoft.Extensions.Options;

namespace Gather.Tests.Storage;

/// <summary>Every connection the store opens reads through the configured memory map and page cache, set once per pooled handle.</summary>
public sealed class SqliteConnectionSettingsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gather-settings-").FullName;

    [Fact]
    public async Task A_connection_maps_the_file_and_keeps_the_configured_page_cache()
    {
        var connections = new SqliteConnectionFactory(Options.Create(new SqliteOptions
        {
            Path = Path.Combine(_directory, "settings.db"),
            MemoryMapMegabytes = 64,
            PageCacheMegabytes = 48,
        }));

        await using var connection = await connections.OpenAsync(CancellationToken.None);

        Assert.Equal(64L * 1_048_576, await PragmaAsync(connection, "mmap_size"));
        // A negative cache_size is a size in KiB rather than a number of pages.
        Assert.Equal(-48L * 1_024, await PragmaAsync(connection, "cache_size"));
        Assert.Equal(1L, await PragmaAsync(connection, "foreign_keys"));
    }

    [Fact]
    public async Task The_defaults_map_a_gibibyte_and_cache_32_mebibytes()
    {
        var (connections, _) = await SqliteTestStore.OpenAsync(Path.Combine(_directory, "defaults.db"));

        await using var connection = await connections.OpenAsync(CancellationToken.None);

        Assert.Equal(1_024L * 1_048_576, await PragmaAsync(connection, "mmap_size"));
        Assert.Equal(-32L * 1_024, await PragmaAsync(connection, "cache_size"));
    }

    [Fact]
    public async Task A_pooled_handle_keeps_its_settings_and_takes_another_factorys_own()
    {
        var path = Path.Combine(_directory, "pooled.db");
        var small = new SqliteConnectionFactory(Options.Create(new SqliteOptions { Path = path, PageCacheMegabytes = 8 }));
        var large = new SqliteConnectionFactory(Options.Create(new SqliteOptions { Path = path, PageCacheMegabytes = 16 }));

        SQLitePCL.sqlite3 handle;
        await using (var first = await small.OpenAsync(CancellationToken.None))
            handle = first.Handle!;
        await using (var again = await small.OpenAsync(CancellationToken.None))
        {
            // The factory hands back the connection the first open configured; its settings and functions hold.
            Assert.Same(handle, again.Handle);
            Assert.Equal(-8L * 1_024, await PragmaAsync(again, "cache_size"));
            Assert.Equal(1L, await PragmaAsync(again, "foreign_keys"));
            Assert.Equal(1L, await ScalarAsync(again, "SELECT gather_icontains(CAST('Ab' AS BLOB), CAST('b' AS BLOB))"));
        }
        // Closing the first factory's kept connection gives its handle back to Microsoft.Data.Sqlite's pool.
        small.Dispose();
        await using (var other = await large.OpenAsync(CancellationToken.None))
        {
            Assert.Same(handle, other.Handle);
            Assert.Equal(-16L * 1_024, await PragmaAsync(other, "cache_size"));
        }
    }

    [Theory]
    [InlineData("MemoryMapMegabytes", "-1")]
    [InlineData("PageCacheMegabytes", "0")]
    public void A_setting_out_of_range_is_refused_at_start_up_naming_the_option(string option, string value)
    {
        using var factory = new GatherApiFactory(new Dictionary<string, string?> { [$"Gather:Storage:Sqlite:{option}"] = value });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(option, error.ToString());
    }

    private static Task<long> PragmaAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string name) =>
        ScalarAsync(connection, $"PRAGMA {name}");

    private static async Task<long> ScalarAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
