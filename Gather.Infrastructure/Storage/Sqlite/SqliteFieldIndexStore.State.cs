using Gather.Infrastructure.Indexes;
using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>
/// Status and size of a team's indexes on SQLite. An index is built in the same transaction that
/// registers it, so a registered index is ready unless it was lost outside Gather (then it is built
/// again the next time an owner holds it). Each index holds one entry per record of its model, so
/// entries are counted once per model. Bytes come from SQLite's <c>dbstat</c> table where the build
/// has it; the bundled build does not, and says so.
/// </summary>
internal sealed partial class SqliteFieldIndexStore
{
    private const string NoDbstat =
        "This SQLite build cannot measure an index in bytes (it has no dbstat table); entries counts what the index holds.";

    /// <summary>SQLite builds an index inside a write transaction, and there is one writer per database.</summary>
    public bool BuildBlocksWrites => true;

    public async Task<IReadOnlyDictionary<string, FieldIndexState>> StatesAsync(IReadOnlyList<FieldIndex> indexes,
        CancellationToken cancellationToken)
    {
        var states = new Dictionary<string, FieldIndexState>(StringComparer.Ordinal);
        if (indexes.Count == 0)
            return states;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var built = await BuiltAsync(connection, cancellationToken);
        var entries = new Dictionary<string, long>(StringComparer.Ordinal);
        var measurable = true;
        foreach (var index in indexes)
        {
            if (!entries.TryGetValue(index.Key.ModelId, out var count))
                entries[index.Key.ModelId] = count = await RecordCountAsync(connection, index.Key.ModelId, cancellationToken);
            var bytes = measurable ? await BytesAsync(connection, index.Name, cancellationToken) : null;
            measurable = bytes is not null;
            states[index.Name] = built.Contains(index.Name)
                ? new FieldIndexState(FieldIndexStatus.Ready, count, bytes, bytes is null ? NoDbstat : null)
                : new FieldIndexState(FieldIndexStatus.Building, null, null, "The index is built again the next time a view, task or person holding it is saved.");
        }
        return states;
    }

    /// <summary>The team's held indexes that exist on its records table.</summary>
    private async Task<HashSet<string>> BuiltAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = $table AND substr(name, 1, length($prefix)) = $prefix",
            ("$table", SqliteRecordTable.For(teamId)), ("$prefix", FieldIndexNames.Prefix));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
            names.Add(reader.GetString(0));
        return names;
    }

    private async Task<long> RecordCountAsync(SqliteConnection connection, string modelId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"SELECT count(*) FROM {SqliteRecordTable.For(teamId)} WHERE team_id = $team AND model_id = $model",
            ("$team", teamId), ("$model", modelId));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The index's pages in bytes; null when SQLite was built without <c>dbstat</c>.</summary>
    private static async Task<long?> BytesAsync(SqliteConnection connection, string name, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = connection.Command("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name = $name", ("$name", name));
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (SqliteException e) when (e.Message.Contains("dbstat", StringComparison.Ordinal))
        {
            return null;
        }
    }
}
