using Gather.Infrastructure.Models;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>One team's models in SQLite; every statement filters on <c>team_id</c>.</summary>
internal sealed class SqliteModelStore(SqliteConnectionFactory connections, string teamId)
    : SqliteDocuments<Model>(connections, teamId, SqliteModelRows.Table), IModelStore
{
    public async Task<Model?> SettleFieldsAsync(string id, IReadOnlyList<SettledField> proposed, CancellationToken cancellationToken)
    {
        await using var connection = await Connections.OpenAsync(cancellationToken);
        // An immediate transaction: the read and the write below are one step for every other writer.
        await using var transaction = connection.BeginTransaction();
        await using var read = transaction.Command(
            $"SELECT {SqliteModelRows.Table.Columns} FROM models WHERE team_id = $team AND id = $id", ("$team", TeamId), ("$id", id));
        var model = (await SqliteModelRows.Table.ReadAllAsync(read, cancellationToken)).SingleOrDefault();
        if (model is null)
            return null;
        var merged = FieldSettling.Merge(model.SettledFields, proposed, out var changed);
        if (changed)
        {
            await using var write = transaction.Command("UPDATE models SET settled_fields = $settled WHERE team_id = $team AND id = $id",
                ("$team", TeamId), ("$id", id), ("$settled", SqliteModelRows.Settled(merged)));
            await write.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return model with { SettledFields = merged };
    }

    async Task<long?> IModelStore.DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await Connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await using var count = transaction.Command(
            $"SELECT count(*) FROM {SqliteRecordTable.For(TeamId)} WHERE team_id = $team AND model_id = $id", ("$team", TeamId), ("$id", id));
        var records = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        // The foreign keys cascade to the model's records and field statistics; the search index lets their entries go.
        await SqliteSearchPending.NoteModelAsync(transaction, TeamId, id, cancellationToken);
        await using var delete = transaction.Command("DELETE FROM models WHERE team_id = $team AND id = $id", ("$team", TeamId), ("$id", id));
        var deleted = await delete.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted == 0 ? null : records;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<FieldStatistic>>> GetFieldStatisticsAsync(
        IReadOnlyCollection<string> modelIds, CancellationToken cancellationToken)
    {
        await using var connection = await Connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT model_id, path, kind, count FROM model_field_stats WHERE team_id = $team AND count > 0 " +
            "AND model_id IN (SELECT value FROM json_each($models)) ORDER BY model_id, path, kind",
            ("$team", TeamId), ("$models", System.Text.Json.JsonSerializer.Serialize(modelIds)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var statistics = new Dictionary<string, List<FieldStatistic>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!statistics.TryGetValue(reader.GetString(0), out var ofModel))
                statistics[reader.GetString(0)] = ofModel = [];
            ofModel.Add(ReadStatistic(reader, 1));
        }
        return statistics.ToDictionary(e => e.Key, e => (IReadOnlyList<FieldStatistic>)e.Value, StringComparer.Ordinal);
    }

    public async Task<ModelWithStatistics?> GetWithFieldStatisticsAsync(string id, CancellationToken cancellationToken)
    {
        // Two statements in one command: one connection taken from the pool rather than two.
        await using var connection = await Connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {SqliteModelRows.Table.Columns} FROM models WHERE team_id = $team AND id = $id; " +
            "SELECT path, kind, count FROM model_field_stats WHERE team_id = $team AND model_id = $id AND count > 0 ORDER BY path, kind",
            ("$team", TeamId), ("$id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        var model = SqliteModelRows.Table.Read(reader);
        await reader.NextResultAsync(cancellationToken);
        var statistics = new List<FieldStatistic>();
        while (await reader.ReadAsync(cancellationToken))
            statistics.Add(ReadStatistic(reader, 0));
        return new ModelWithStatistics(model, statistics);
    }

    /// <summary>A statistic's path, kind and count, from column <paramref name="first"/> on.</summary>
    private static FieldStatistic ReadStatistic(Microsoft.Data.Sqlite.SqliteDataReader reader, int first) =>
        new(reader.GetString(first), Enum.Parse<ValueKind>(reader.GetString(first + 1)), reader.GetInt64(first + 2));
}
