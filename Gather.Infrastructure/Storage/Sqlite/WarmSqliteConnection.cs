using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>
/// A connection <see cref="SqliteConnectionFactory"/> keeps open between operations, with the
/// statements it has compiled. SQLite compiles a statement into a program that maintains every
/// index of the table it writes, and plans a query against every index of the tables it reads;
/// compiled anew for each command (as Microsoft.Data.Sqlite does, finalizing statements when a
/// connection goes back to its pool), a write to a team's records would pay that for all the
/// team's field indexes each time.
/// </summary>
/// <remarks>
/// Disposing it (the callers' <c>await using</c>) hands it back to its factory, still open; it
/// closes for good when the factory does not take it back. Its statements are handed out by
/// <see cref="SqliteCommandExtensions.Command(SqliteConnection, string, (string Name, object? Value)[])"/>
/// and survive their callers' disposal; at most <see cref="MaxStatements"/> are kept, and past
/// that they are all let go when the connection comes back, so statements written for one-off
/// filters cannot pile up.
/// </remarks>
internal sealed class WarmSqliteConnection(string connectionString, SqliteConnectionFactory owner) : SqliteConnection(connectionString)
{
    public const int MaxStatements = 200;

    private readonly Dictionary<string, KeptStatement> _statements = new(StringComparer.Ordinal);
    private bool _closing;

    /// <summary>Whether it may go back to the factory: open, with no transaction left running.</summary>
    public bool Reusable => State == System.Data.ConnectionState.Open && Transaction is null && !_closing;

    /// <summary>
    /// A command for <paramref name="sql"/>, compiled once on this connection and kept, with no
    /// parameters; like a new command, it joins the transaction running on the connection.
    /// </summary>
    public SqliteCommand Statement(string sql)
    {
        if (_statements.TryGetValue(sql, out var kept))
        {
            kept.Parameters.Clear();
            kept.Transaction = Transaction;
            return kept;
        }
        if (_statements.Count >= MaxStatements)
        {
            var once = CreateCommand();
            once.CommandText = sql;
            return once;
        }
        kept = new KeptStatement(this) { Connection = this, CommandText = sql, CommandTimeout = DefaultTimeout, Transaction = Transaction };
        _statements[sql] = kept;
        return kept;
    }

    /// <summary>Lets its statements go when it has collected more than <see cref="MaxStatements"/>.</summary>
    public void TrimStatements()
    {
        if (_statements.Count < MaxStatements)
            return;
        foreach (var statement in _statements.Values)
            statement.Release();
        _statements.Clear();
    }

    /// <summary>Closes it for good, never handing it back (it failed to open or to be configured).</summary>
    public void Discard()
    {
        _closing = true;
        Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_closing && owner.TakeBack(this))
            return;
        _closing = true;
        // Closing disposes the statements, which then let their compiled programs go.
        base.Dispose(disposing);
    }

    /// <summary>A kept statement: its callers' disposal leaves it compiled; its connection's closing, or a trim, releases it.</summary>
    private sealed class KeptStatement(WarmSqliteConnection connection) : SqliteCommand
    {
        private bool _released;

        public void Release()
        {
            _released = true;
            Dispose();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_released && !connection._closing)
            {
                // Kept, but not holding on to the values its caller bound (a record's JSON, say).
                Parameters.Clear();
                return;
            }
            base.Dispose(disposing);
        }
    }
}
