using System.Text.Json.Nodes;
using Gather.Infrastructure.Views;
using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>One team's views in SQLite; every statement filters on <c>team_id</c>.</summary>
internal sealed class SqliteViewStore(SqliteConnectionFactory connections, string teamId) : IViewStore
{
    private const string Columns = "id, team_id, name, model_id, definition, created_at, updated_at";

    public async Task InsertAsync(View view, CancellationToken cancellationToken)
    {
        TeamScope.EnsureOwned(teamId, view.TeamId, "view");
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "INSERT INTO views (id, team_id, name, name_key, model_id, definition, created_at, updated_at) " +
            "VALUES ($id, $team, $name, $nameKey, $model, $definition, $created, $updated)", Parameters(view));
        await ExecuteAsync(command, view, cancellationToken);
    }

    public async Task<View?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {Columns} FROM views WHERE team_id = $team AND id = $id", ("$team", teamId), ("$id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<View?> GetByNameAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT {Columns} FROM views WHERE team_id = $team AND name_key = $nameKey",
            ("$team", teamId), ("$nameKey", View.NameKey(name)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<View>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {Columns} FROM views WHERE team_id = $team ORDER BY name_key, id LIMIT $limit", ("$team", teamId), ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var views = new List<View>();
        while (await reader.ReadAsync(cancellationToken))
            views.Add(Read(reader));
        return views;
    }

    public async Task<View?> UpdateAsync(View view, CancellationToken cancellationToken)
    {
        TeamScope.EnsureOwned(teamId, view.TeamId, "view");
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "UPDATE views SET name = $name, name_key = $nameKey, definition = $definition, updated_at = $updated " +
            $"WHERE team_id = $team AND id = $id RETURNING {Columns}", Parameters(view));
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
        }
        catch (SqliteException e) when (e.IsUniqueViolation())
        {
            throw new DuplicateDocumentException($"A view named '{view.Name}' already exists.", e);
        }
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command("DELETE FROM views WHERE team_id = $team AND id = $id", ("$team", teamId), ("$id", id));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private static async Task ExecuteAsync(SqliteCommand command, View view, CancellationToken cancellationToken)
    {
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException e) when (e.IsUniqueViolation())
        {
            throw new DuplicateDocumentException($"A view named '{view.Name}' already exists.", e);
        }
    }

    private static (string, object?)[] Parameters(View view) =>
    [
        ("$id", view.Id), ("$team", view.TeamId), ("$name", view.Name), ("$nameKey", View.NameKey(view.Name)),
        ("$model", view.ModelId), ("$definition", ViewDefinition.ToJson(view).ToJsonString()),
        ("$created", view.CreatedAt.ToUnixMilliseconds()), ("$updated", view.UpdatedAt.ToUnixMilliseconds()),
    ];

    private static View Read(SqliteDataReader reader)
    {
        var (columns, where, order) = ViewDefinition.FromJson((JsonObject)JsonNode.Parse(reader.GetString(4))!);
        return new View(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), columns, where, order,
            reader.ReadTime(5), reader.ReadTime(6));
    }
}
