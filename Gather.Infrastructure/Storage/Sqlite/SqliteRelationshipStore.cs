using Gather.Infrastructure.Relationships;
using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>One team's relationships in SQLite; every statement filters on <c>team_id</c>.</summary>
internal sealed class SqliteRelationshipStore(SqliteConnectionFactory connections, string teamId)
    : SqliteDocuments<Relationship>(connections, teamId, Table), IRelationshipStore
{
    /// <summary>A name is unique on its side: per from model for names, per to model for inverse names.</summary>
    private static readonly SqliteDocumentTable<Relationship> Table = new("relationships", "relationship", r => r.TeamId,
        r =>
        [
            ("id", r.Id), ("team_id", r.TeamId), ("name", r.Name), ("inverse_name", r.InverseName), ("from_model_id", r.FromModelId),
            ("from_field", r.FromField), ("to_model_id", r.ToModelId), ("to_field", r.ToField), ("kind", r.Kind.ToString()),
            ("created_at", r.CreatedAt.ToUnixMilliseconds()),
        ],
        "id, team_id, name, inverse_name, from_model_id, from_field, to_model_id, to_field, kind, created_at", Read,
        "CASE kind WHEN 'Standard' THEN 0 ELSE 1 END, name, id",
        r => $"A relationship named '{r.Name}' or '{r.InverseName}' already exists on its model.");

    private static Relationship Read(SqliteDataReader reader) => new(reader.GetString(0), reader.GetString(1), reader.GetString(2),
        reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7),
        Enum.Parse<RelationshipKind>(reader.GetString(8)), reader.ReadTime(9));
}
