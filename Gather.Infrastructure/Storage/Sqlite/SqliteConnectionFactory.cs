using System.Runtime.CompilerServices;
using Gather.Infrastructure.Security;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>
/// Opens connections to the one database file. A connection per operation keeps concurrent
/// operations independent. Up to <see cref="MaxWarmConnections"/> connections are kept open
/// between operations with the statements they compiled (<see cref="WarmSqliteConnection"/>);
/// beyond them Microsoft.Data.Sqlite pools the underlying handles.
/// </summary>
public sealed class SqliteConnectionFactory(IOptions<SqliteOptions> options) : IDisposable
{
    /// <summary>Connections kept open: more than the operations that run at once on a small server, few enough to stay cheap.</summary>
    public const int MaxWarmConnections = 16;

    // A stack under a lock rather than a concurrent bag, whose Count takes every lock it has; the
    // most recently used connection goes out first, with its statements and pages still warm.
    private readonly Stack<WarmSqliteConnection> _warm = new();
    private readonly Lock _gate = new();
    private bool _disposed;

    public string DatabasePath { get; } = Path.GetFullPath(options.Value.Path);

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(options.Value.Path),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = Math.Max(1, options.Value.BusyTimeoutMilliseconds / 1000),
    }.ToString();

    // Per-connection settings: wait for a competing writer instead of failing at once, enforce
    // the foreign keys the schema declares, and size the memory map and the page cache.
    private readonly string _settings =
        $"PRAGMA busy_timeout = {options.Value.BusyTimeoutMilliseconds}; PRAGMA foreign_keys = ON; " +
        $"PRAGMA mmap_size = {options.Value.MemoryMapMegabytes * 1_048_576L}; PRAGMA cache_size = -{options.Value.PageCacheMegabytes * 1_024};";

    // The settings each pooled handle was given, so a handle is configured once rather than on every
    // open: pragmas stay with the handle while the pool keeps it, and opening is
    // what every request does several times (the key lookup, the models, the page). Kept per
    // handle, not per factory, since two factories on one file share the pool; a handle the pool
    // drops takes its entry with it.
    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, string> Configured = new();

    private volatile bool _filesArePrivate;

    private SqliteIndexedFields? _indexedFields;

    /// <summary>Which fields the file's indexes hold, so queries are written for the plan they get.</summary>
    internal SqliteIndexedFields IndexedFields => LazyInitializer.EnsureInitialized(ref _indexedFields, () => new SqliteIndexedFields(this));

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_filesArePrivate)
            MakeFilesPrivate();
        if (TakeWarm() is { } warm)
            return warm;
        var connection = new WarmSqliteConnection(_connectionString, this);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (!Configured.TryGetValue(connection.Handle!, out var applied) || applied != _settings)
            {
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = _settings;
                await pragma.ExecuteNonQueryAsync(cancellationToken);
                Configured.AddOrUpdate(connection.Handle!, _settings);
            }
            // Functions, unlike pragmas, are taken off a handle when it goes back to the pool.
            SqliteFunctions.Register(connection);
            return connection;
        }
        catch
        {
            connection.Discard();
            throw;
        }
    }

    /// <summary>
    /// A kept connection, unless the database file is no longer where it was (moved away, or
    /// replaced by something else): then the kept ones go, and the caller opens the path anew,
    /// as SQLite would report what is wrong with it.
    /// </summary>
    private WarmSqliteConnection? TakeWarm()
    {
        lock (_gate)
        {
            if (_warm.Count == 0)
                return null;
        }
        if (!File.Exists(DatabasePath))
        {
            CloseWarm();
            return null;
        }
        lock (_gate)
            return _warm.TryPop(out var warm) ? warm : null;
    }

    /// <summary>A connection its caller has finished with: kept open while there is room, else false (it then closes).</summary>
    internal bool TakeBack(WarmSqliteConnection connection)
    {
        if (!connection.Reusable)
            return false;
        connection.TrimStatements();
        lock (_gate)
        {
            if (_disposed || _warm.Count >= MaxWarmConnections)
                return false;
            _warm.Push(connection);
            return true;
        }
    }

    private void CloseWarm()
    {
        WarmSqliteConnection[] closing;
        lock (_gate)
        {
            closing = [.. _warm];
            _warm.Clear();
        }
        foreach (var warm in closing)
            warm.Discard();
    }

    /// <summary>Closes the kept connections (the host stopping, or a test done with its file).</summary>
    public void Dispose()
    {
        lock (_gate)
            _disposed = true;
        CloseWarm();
    }

    /// <summary>
    /// Before SQLite first opens the file: creates it 0600 (SQLite would create it 0644), which
    /// its -wal and -shm files then copy, and tightens files an earlier version left readable.
    /// A path SQLite cannot use either (no directory, a directory in the file's place) is left
    /// for SQLite to report, and this is tried again on the next open.
    /// </summary>
    private void MakeFilesPrivate()
    {
        try
        {
            if (!Directory.Exists(Path.GetDirectoryName(DatabasePath)))
                return;
            PrivateFiles.CreateOrTighten(DatabasePath);
            foreach (var suffix in (string[])["-wal", "-shm", "-journal"])
                PrivateFiles.Tighten(DatabasePath + suffix);
            _filesArePrivate = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // SQLite's own open, next, reports what is wrong with the path.
        }
    }
}
