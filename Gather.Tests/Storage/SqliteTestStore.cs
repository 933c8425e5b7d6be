using Gather.Infrastructure.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gather.Tests.Storage;

/// <summary>A SQLite store at a path, its schema migrated, as the server opens it at start-up.</summary>
public static class SqliteTestStore
{
    public static async Task<(SqliteConnectionFactory Connections, SqliteStore Store)> OpenAsync(string path)
    {
        var connections = Connections(path);
        await new SqliteStoreInitializer(connections, NullLogger<SqliteStoreInitializer>.Instance).InitializeAsync(CancellationToken.None);
        return (connections, new SqliteStore(connections));
    }

    /// <summary>The connections to the file alone, nothing migrated yet.</summary>
    public static SqliteConnectionFactory Connections(string path) => new(Options.Create(new SqliteOptions { Path = path }));
}
