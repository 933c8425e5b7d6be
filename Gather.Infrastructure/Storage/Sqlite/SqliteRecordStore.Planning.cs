using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;
using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>
/// What a query's SQL is written from besides the query itself: the team and model as literals
/// (a partial index's WHERE names them so, and the planner uses such an index only for a query
/// whose own text implies it), and which filtered paths the model's catalogue has seen arrays at.
/// </summary>
internal sealed partial class SqliteRecordStore
{
    /// <summary>
    /// The SQL builder for a query on the model, read in the caller's transaction so the catalogue
    /// and the rows are one snapshot: a path with no array in the catalogue has none in the rows.
    /// </summary>
    private static async Task<SqliteRecordSql> SqlForAsync(SqliteTransaction transaction, string teamId, string modelId,
        RecordFilter? filter, CancellationToken cancellationToken)
    {
        var paths = filter?.Paths().Where(p => !AttachedData.IsAttached(p)).ToList() ?? [];
        if (paths.Count == 0)
            return new SqliteRecordSql(AttachedData.IsAttached);
        await using var command = transaction.Command(
            $"SELECT path FROM model_field_stats WHERE team_id = $team AND model_id = $model AND kind = $kind AND count > 0 " +
            $"AND path IN (SELECT value FROM json_each($paths))",
            ("$team", teamId), ("$model", modelId), ("$kind", ValueKind.Array.ToString()),
            ("$paths", System.Text.Json.JsonSerializer.Serialize(paths.Select(p => p.ToString()))));
        var withArrays = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                withArrays.Add(reader.GetString(0));
        // Attached data has no catalogue: its paths keep the element branch.
        return new SqliteRecordSql(p => AttachedData.IsAttached(p) || withArrays.Contains(p.ToString()));
    }
}
