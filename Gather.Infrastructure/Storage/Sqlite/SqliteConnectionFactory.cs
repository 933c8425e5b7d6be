using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>
/// Opens pooled connections to the one database file. A connection per operation keeps
/// concurrent requests independent; Microsoft.Data.Sqlite pools the underlying handles.
/// </summary>
public sealed class SqliteConnectionFactory(IOptions<SqliteOptions> options)
{
    public string DatabasePath { get; } = Path.GetFullPath(options.Value.Path);

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(options.Value.Path),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = Math.Max(1, options.Value.BusyTimeoutMilliseconds / 1000),
    }.ToString();

    private readonly int _busyTimeout = options.Value.BusyTimeoutMilliseconds;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Per-connection settings: wait for a competing writer instead of failing at once,
            // and enforce the foreign keys the schema declares.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = $"PRAGMA busy_timeout = {_busyTimeout}; PRAGMA foreign_keys = ON;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            SqliteFunctions.Register(connection);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
