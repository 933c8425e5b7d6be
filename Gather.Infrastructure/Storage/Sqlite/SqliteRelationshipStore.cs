using Gather.Infrastructure.Relationships;
using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>One team's relationships in SQLite; every statement filters on <c>team_id</c>.</summary>
internal sealed class SqliteRelationshipStore(SqliteConnectionFactory connections, string teamId) : IRelationshipStore
{
    private const string Columns = "id, team_id, name, inverse_name, from_model_id, from_field, to_model_id, to_field, kind, created_at";

    private const string Insert =
        $"INSERT INTO relationships ({Columns}) VALUES ($id, $team, $name, $inverse, $from, $fromField, $to, $toField, $kind, $created)";

    public async Task EnsureAsync(IReadOnlyList<Relationship> relationships, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        foreach (var relationship in relationships)
        {
            TeamScope.EnsureOwned(teamId, relationship.TeamId, "relationship");
            await using var command = connection.Command(Insert + " ON CONFLICT DO NOTHING", Parameters(relationship));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task InsertAsync(Relationship relationship, CancellationToken cancellationToken)
    {
        TeamScope.EnsureOwned(teamId, relationship.TeamId, "relationship");
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(Insert, Parameters(relationship));
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException e) when (e.IsUniqueViolation())
        {
            throw new DuplicateDocumentException($"A relationship named '{relationship.Name}' or '{relationship.InverseName}' already exists on its model.", e);
        }
    }

    public async Task<IReadOnlyList<Relationship>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {Columns} FROM relationships WHERE team_id = $team " +
            "ORDER BY CASE kind WHEN 'Standard' THEN 0 ELSE 1 END, name, id LIMIT $limit", ("$team", teamId), ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var relationships = new List<Relationship>();
        while (await reader.ReadAsync(cancellationToken))
            relationships.Add(new Relationship(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7),
                Enum.Parse<RelationshipKind>(reader.GetString(8)), reader.ReadTime(9)));
        return relationships;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command("DELETE FROM relationships WHERE team_id = $team AND id = $id", ("$team", teamId), ("$id", id));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private static (string, object?)[] Parameters(Relationship r) =>
    [
        ("$id", r.Id), ("$team", r.TeamId), ("$name", r.Name), ("$inverse", r.InverseName), ("$from", r.FromModelId),
        ("$fromField", r.FromField), ("$to", r.ToModelId), ("$toField", r.ToField), ("$kind", r.Kind.ToString()),
        ("$created", r.CreatedAt.ToUnixMilliseconds()),
    ];
}
