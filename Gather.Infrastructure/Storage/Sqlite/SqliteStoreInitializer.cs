using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>Switches the file to WAL and applies pending migrations in one write transaction.</summary>
public sealed class SqliteStoreInitializer(SqliteConnectionFactory connections, ILogger<SqliteStoreInitializer> logger)
    : IStoreInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(connections.DatabasePath);
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);

        await using var connection = await connections.OpenAsync(cancellationToken);
        // WAL lets readers proceed while one writer commits; the mode is stored in the file.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken);

        // IMMEDIATE takes the write lock up front, so two instances starting together
        // migrate one after the other instead of both reading the same version.
        await using var transaction = connection.BeginTransaction(deferred: false);
        var version = Convert.ToInt32(await ScalarAsync(connection, transaction, "PRAGMA user_version;", cancellationToken));
        for (var next = version; next < SqliteMigrations.All.Count; next++)
        {
            await SqliteMigrations.All[next].ApplyAsync(transaction, cancellationToken);
            await ExecuteAsync(connection, transaction, $"PRAGMA user_version = {next + 1};", cancellationToken);
        }
        // Key previews stored when they held eight more characters are cut to today's last four
        // (ApiKeySecret.Preview): at rest too, since 12 known characters of a 16-character
        // configured key and its hash would let a copy of the file give the key away.
        await ExecuteAsync(connection, transaction,
            "UPDATE api_keys SET preview = '…' || substr(substr(preview, instr(preview, '…') + 1), -4) WHERE length(preview) > 5;",
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await connections.IndexedFields.ReadAsync(cancellationToken);

        if (version < SqliteMigrations.All.Count)
            logger.LogInformation("SQLite store {Path} migrated from version {From} to {To}",
                connections.DatabasePath, version, SqliteMigrations.All.Count);
        else if (version > SqliteMigrations.All.Count)
            throw new InvalidOperationException(
                $"The SQLite store {connections.DatabasePath} has schema version {version}, newer than this build knows ({SqliteMigrations.All.Count}). Run a newer Gather.");
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
