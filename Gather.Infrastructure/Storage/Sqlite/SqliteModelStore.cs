using Gather.Infrastructure.Models;
using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>One team's models in SQLite; every statement filters on <c>team_id</c>.</summary>
internal sealed class SqliteModelStore(SqliteConnectionFactory connections, string teamId) : IModelStore
{
    public async Task EnsureAsync(IReadOnlyList<Model> models, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        foreach (var model in models)
        {
            TeamScope.EnsureOwned(teamId, model.TeamId, "model");
            await using var command = connection.Command(SqliteModelRows.Insert + " ON CONFLICT DO NOTHING", SqliteModelRows.Parameters(model));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task InsertAsync(Model model, CancellationToken cancellationToken)
    {
        TeamScope.EnsureOwned(teamId, model.TeamId, "model");
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(SqliteModelRows.Insert, SqliteModelRows.Parameters(model));
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException e) when (e.IsUniqueViolation())
        {
            throw new DuplicateDocumentException($"A model named '{model.Name}' already exists.", e);
        }
    }

    public async Task<Model?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {SqliteModelRows.Columns} FROM models WHERE team_id = $team AND id = $id", ("$team", teamId), ("$id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? SqliteModelRows.Read(reader) : null;
    }

    public async Task<IReadOnlyList<Model>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {SqliteModelRows.Columns} FROM models WHERE team_id = $team " +
            "ORDER BY CASE kind WHEN 'Standard' THEN 0 ELSE 1 END, name_key, id LIMIT $limit",
            ("$team", teamId), ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var models = new List<Model>();
        while (await reader.ReadAsync(cancellationToken))
            models.Add(SqliteModelRows.Read(reader));
        return models;
    }

    public async Task<Model?> UpdateAsync(Model model, CancellationToken cancellationToken)
    {
        TeamScope.EnsureOwned(teamId, model.TeamId, "model");
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "UPDATE models SET name = $name, name_key = $nameKey, declared_fields = $declared, updated_at = $updated " +
            $"WHERE team_id = $team AND id = $id RETURNING {SqliteModelRows.Columns}",
            SqliteModelRows.Parameters(model));
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? SqliteModelRows.Read(reader) : null;
        }
        catch (SqliteException e) when (e.IsUniqueViolation())
        {
            throw new DuplicateDocumentException($"A model named '{model.Name}' already exists.", e);
        }
    }

    public async Task<Model?> SettleFieldsAsync(string id, IReadOnlyList<SettledField> proposed, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // An immediate transaction: the read and the write below are one step for every other writer.
        await using var transaction = connection.BeginTransaction();
        await using var read = transaction.Command(
            $"SELECT {SqliteModelRows.Columns} FROM models WHERE team_id = $team AND id = $id", ("$team", teamId), ("$id", id));
        Model? model;
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            model = await reader.ReadAsync(cancellationToken) ? SqliteModelRows.Read(reader) : null;
        if (model is null)
            return null;
        var merged = FieldSettling.Merge(model.SettledFields, proposed, out var changed);
        if (changed)
        {
            await using var write = transaction.Command("UPDATE models SET settled_fields = $settled WHERE team_id = $team AND id = $id",
                ("$team", teamId), ("$id", id), ("$settled", SqliteModelRows.Settled(merged)));
            await write.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return model with { SettledFields = merged };
    }

    public async Task<long?> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        await using var count = transaction.Command(
            "SELECT count(*) FROM records WHERE team_id = $team AND model_id = $id", ("$team", teamId), ("$id", id));
        var records = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        // The foreign keys cascade to the model's records and field statistics.
        await using var delete = transaction.Command("DELETE FROM models WHERE team_id = $team AND id = $id", ("$team", teamId), ("$id", id));
        var deleted = await delete.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted == 0 ? null : records;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<FieldStatistic>>> GetFieldStatisticsAsync(
        IReadOnlyCollection<string> modelIds, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT model_id, path, kind, count FROM model_field_stats WHERE team_id = $team AND count > 0 " +
            "AND model_id IN (SELECT value FROM json_each($models)) ORDER BY model_id, path, kind",
            ("$team", teamId), ("$models", System.Text.Json.JsonSerializer.Serialize(modelIds)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var statistics = new Dictionary<string, List<FieldStatistic>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!statistics.TryGetValue(reader.GetString(0), out var ofModel))
                statistics[reader.GetString(0)] = ofModel = [];
            ofModel.Add(new FieldStatistic(reader.GetString(1), Enum.Parse<ValueKind>(reader.GetString(2)), reader.GetInt64(3)));
        }
        return statistics.ToDictionary(e => e.Key, e => (IReadOnlyList<FieldStatistic>)e.Value, StringComparer.Ordinal);
    }
}
