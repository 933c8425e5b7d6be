using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>How far attached data covers a model's records: three statements in one round trip.</summary>
internal sealed partial class SqliteRecordStore
{
    public async Task<AttachmentCoverage> CoverageAsync(string modelId, FieldPath field, string section, int examples,
        CancellationToken cancellationToken)
    {
        var value = $"json_extract(data, {SqliteRecordSql.JsonPath(field)})";
        // An id is non-empty text; anything else (missing, null, a number, "") is no id.
        var holdsId = $"coalesce(json_type(data, {SqliteRecordSql.JsonPath(field)}) = 'text' AND {value} <> '', 0)";
        var attached = $"json_extract(linked, $attachedId) IS {value}";
        var sql = $"""
            SELECT count(*), coalesce(sum({holdsId}), 0), coalesce(sum({holdsId} AND {attached}), 0)
            FROM {_table} WHERE team_id = $team AND model_id = $model;
            SELECT key FROM {_table} WHERE team_id = $team AND model_id = $model AND NOT {holdsId} ORDER BY key LIMIT $examples;
            SELECT key, {value} FROM {_table} WHERE team_id = $team AND model_id = $model AND {holdsId} AND NOT ({attached})
            ORDER BY key LIMIT $examples;
            """;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql, ("$team", teamId), ("$model", modelId),
            ("$attachedId", $"$.\"{section}\".id"), ("$examples", examples));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (records, withId, attachedCount) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        await reader.NextResultAsync(cancellationToken);
        var withoutId = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
            withoutId.Add(reader.GetString(0));
        await reader.NextResultAsync(cancellationToken);
        var unattached = new List<UnattachedRecord>();
        while (await reader.ReadAsync(cancellationToken))
            unattached.Add(new UnattachedRecord(reader.GetString(0), reader.GetString(1)));
        return new AttachmentCoverage(records, withId, attachedCount, withoutId, unattached);
    }
}
