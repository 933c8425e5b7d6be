using Gather.Infrastructure.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Gather.Tests.Storage;

/// <summary>
/// Connections the SQLite store keeps open between operations keep the statements they compiled,
/// so a write is not compiled again (with every team's indexes) each time; what they must never
/// carry from one operation to the next is a transaction, and a file that went away.
/// </summary>
public sealed class SqliteWarmConnectionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gather-warm-").FullName;
    private readonly SqliteConnectionFactory _connections;

    public SqliteWarmConnectionTests()
    {
        _connections = new SqliteConnectionFactory(Options.Create(new SqliteOptions { Path = Path.Combine(_directory, "warm.db") }));
    }

    [Fact]
    public async Task A_statement_is_compiled_once_and_runs_again_with_new_values_in_a_later_operation()
    {
        const string Sql = "SELECT $a + $b";
        SqliteCommand first;
        await using (var connection = await _connections.OpenAsync(CancellationToken.None))
        {
            await using var command = connection.Command(Sql, ("$a", 1), ("$b", 2));
            Assert.Equal(3L, await command.ExecuteScalarAsync());
            first = command;
        }

        await using var again = await _connections.OpenAsync(CancellationToken.None);
        await using var kept = again.Command(Sql, ("$a", 10), ("$b", 20));

        Assert.Same(first, kept);
        Assert.Equal(30L, await kept.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_connection_given_back_inside_a_transaction_is_closed_and_its_writes_undone()
    {
        await using (var setup = await _connections.OpenAsync(CancellationToken.None))
        await using (var create = setup.Command("CREATE TABLE t (v INTEGER)"))
            await create.ExecuteNonQueryAsync();

        var abandoned = await _connections.OpenAsync(CancellationToken.None);
        var transaction = abandoned.BeginTransaction();
        await using (var insert = transaction.Command("INSERT INTO t VALUES (1)"))
            await insert.ExecuteNonQueryAsync();
        await abandoned.DisposeAsync();

        await using var next = await _connections.OpenAsync(CancellationToken.None);
        Assert.NotSame(abandoned, next);
        await using var count = next.Command("SELECT count(*) FROM t");
        Assert.Equal(0L, await count.ExecuteScalarAsync());
        // No lock was left behind: another write goes through at once.
        await using var write = next.Command("INSERT INTO t VALUES (2)");
        Assert.Equal(1, await write.ExecuteNonQueryAsync());
        GC.KeepAlive(transaction);
    }

    [Fact]
    public async Task Kept_connections_are_let_go_when_the_file_is_no_longer_there()
    {
        await using (var connection = await _connections.OpenAsync(CancellationToken.None))
        await using (var create = connection.Command("CREATE TABLE t (v INTEGER)"))
            await create.ExecuteNonQueryAsync();
        var path = _connections.DatabasePath;
        var aside = Path.Combine(_directory, "aside");
        Directory.CreateDirectory(aside);

        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(_directory, "warm.db*"))
            File.Move(file, Path.Combine(aside, Path.GetFileName(file)));
        Directory.CreateDirectory(path);

        // A kept connection would still read the moved file; the store must report it missing instead.
        await Assert.ThrowsAsync<SqliteException>(() => _connections.OpenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_kept_statement_read_only_in_part_holds_no_snapshot_that_would_stop_a_checkpoint()
    {
        await using (var setup = await _connections.OpenAsync(CancellationToken.None))
        await using (var create = setup.Command("PRAGMA journal_mode = WAL; CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1), (2), (3)"))
            await create.ExecuteNonQueryAsync();
        await using (var reading = await _connections.OpenAsync(CancellationToken.None))
        await using (var query = reading.Command("SELECT v FROM t ORDER BY v"))
        await using (var reader = await query.ExecuteReaderAsync())
            Assert.True(await reader.ReadAsync()); // one row of three, then given back

        // Another connection writes, then checkpoints the whole log: a kept reader's snapshot would make it busy.
        await using var other = new SqliteConnection($"Data Source={_connections.DatabasePath};Pooling=False");
        await other.OpenAsync();
        await using (var write = other.CreateCommand())
        {
            write.CommandText = "INSERT INTO t VALUES (4)";
            await write.ExecuteNonQueryAsync();
        }
        await using var checkpoint = other.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await using var result = await checkpoint.ExecuteReaderAsync();
        Assert.True(await result.ReadAsync());
        Assert.Equal(0L, result.GetInt64(0));
    }

    [Fact]
    public async Task Past_its_bound_a_connection_lets_its_statements_go_when_given_back()
    {
        SqliteCommand first;
        await using (var connection = await _connections.OpenAsync(CancellationToken.None))
        {
            await using var command = connection.Command("SELECT 0");
            first = command;
            for (var i = 1; i <= WarmSqliteConnection.MaxStatements; i++)
            {
                await using var other = connection.Command($"SELECT {i}");
                Assert.Equal((long)i, await other.ExecuteScalarAsync());
            }
        }

        await using var again = await _connections.OpenAsync(CancellationToken.None);
        await using var fresh = again.Command("SELECT 0");

        Assert.NotSame(first, fresh);
        Assert.Equal(0L, await fresh.ExecuteScalarAsync());
    }

    public void Dispose()
    {
        _connections.Dispose();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
