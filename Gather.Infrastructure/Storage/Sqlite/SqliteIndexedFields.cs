using System.Diagnostics;
using Gather.Infrastructure.Records.Querying;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>
/// Which fields each model's indexes hold, in memory, so that a page's SQL is written for the
/// plan it will get without asking the database first. A field an index holds is compared and
/// bounded through its ordered value, the expression the index keeps (<see cref="SqliteRecordSql"/>);
/// a field none holds is read by a scan, where the ordered value costs two more lookups in every
/// row's JSON and the sort field's always-true bound one more, for nothing.
/// </summary>
/// <remarks>
/// Both ways of writing a query select the same records, so what this holds decides only how fast
/// a page is, never what it holds; that is why it may lag. It is read from <c>field_indexes</c> at
/// start-up, forgotten when this process changes an index (until it is read again, every field is
/// taken as indexed: the way queries were always written), and read again in the background when
/// older than <see cref="MaxAge"/>, off any request's flow, so that indexes another process built
/// on the same file are used within seconds and no request pays a statement for it.
/// </remarks>
internal sealed class SqliteIndexedFields(SqliteConnectionFactory connections)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private sealed record Snapshot(IReadOnlyDictionary<(string Team, string Model), HashSet<FieldPath>> Fields, long ReadAt);

    private static readonly HashSet<FieldPath> None = [];

    private readonly Lock _publishing = new();
    private volatile Snapshot? _snapshot;
    private int _generation;
    private int _reading;
    private bool _assumeAllIndexed;

    /// <summary>
    /// The fields the model's indexes hold, or null when that is not known (every field is then
    /// written as if indexed); starts a read in the background when what is held has aged.
    /// </summary>
    public IReadOnlySet<FieldPath>? For(string teamId, string modelId)
    {
        if (_assumeAllIndexed)
            return null;
        var snapshot = _snapshot;
        if (snapshot is null || Stopwatch.GetElapsedTime(snapshot.ReadAt) > MaxAge)
            ReadInBackground();
        return snapshot is null ? null : snapshot.Fields.GetValueOrDefault((teamId, modelId)) ?? None;
    }

    /// <summary>After an index is built or dropped here: nothing is known until the next read.</summary>
    public void Forget()
    {
        lock (_publishing)
        {
            _generation++;
            _snapshot = null;
        }
    }

    /// <summary>For tests that check the queries written for indexed fields against a scan's: every field is taken as indexed.</summary>
    internal void AssumeAllIndexed() => _assumeAllIndexed = true;

    /// <summary>Reads the registry now (at start-up, after migrations).</summary>
    public async Task ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            int generation;
            lock (_publishing)
                generation = _generation;
            var started = Stopwatch.GetTimestamp();
            var fields = new Dictionary<(string Team, string Model), HashSet<FieldPath>>();
            await using (var connection = await connections.OpenAsync(cancellationToken))
            await using (var command = connection.Command("SELECT team_id, model_id, fields FROM field_indexes"))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var key = SqliteFieldIndexStore.ReadKey(reader, 1);
                    var model = (reader.GetString(0), key.ModelId);
                    if (!fields.TryGetValue(model, out var held))
                        fields[model] = held = [];
                    held.UnionWith(key.Fields.Select(f => f.Path));
                }
            }
            // An index changed here while reading: what was read may predate it, so read again.
            lock (_publishing)
            {
                if (_generation == generation)
                {
                    _snapshot = new Snapshot(fields, started);
                    return;
                }
            }
        }
    }

    private void ReadInBackground()
    {
        if (Interlocked.Exchange(ref _reading, 1) == 1)
            return;
        // Not in the request's flow: its round-trip count and trace are the request's own statements.
        using (ExecutionContext.SuppressFlow())
            _ = Task.Run(async () =>
            {
                try
                {
                    await ReadAsync(CancellationToken.None);
                }
                catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or IOException or InvalidOperationException)
                {
                    // The file is gone or busy; what is held stays, and the next query tries again.
                }
                finally
                {
                    Volatile.Write(ref _reading, 0);
                }
            });
    }
}
