using System.Text.Json;
using Gather.Infrastructure.Models;
using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>Maps <see cref="Model"/> to and from the <c>models</c> table.</summary>
internal static class SqliteModelRows
{
    /// <summary>Names are unique per team regardless of case (<c>ux_models_team_name</c> on the folded <c>name_key</c>).</summary>
    public static readonly SqliteDocumentTable<Model> Table = new("models", "model", m => m.TeamId,
        m =>
        [
            ("id", m.Id), ("team_id", m.TeamId), ("name", m.Name), ("name_key", m.Name.ToLowerInvariant()), ("kind", m.Kind.ToString()),
            ("id_field", m.IdField),
            ("declared_fields", JsonSerializer.Serialize(m.DeclaredFields.Select(f => new DeclaredFieldRow(f.Path, f.Type.ToString())))),
            ("created_at", m.CreatedAt.ToUnixMilliseconds()), ("updated_at", m.UpdatedAt.ToUnixMilliseconds()),
            ("settled_fields", Settled(m.SettledFields)),
        ],
        "id, team_id, name, kind, id_field, declared_fields, created_at, updated_at, settled_fields", Read,
        "CASE kind WHEN 'Standard' THEN 0 ELSE 1 END, name_key, id",
        m => $"A model named '{m.Name}' already exists.")
    {
        Updatable = ["name", "name_key", "declared_fields", "updated_at"],
    };

    public static string Settled(IReadOnlyList<SettledField> fields) =>
        JsonSerializer.Serialize(fields.Select(f => new DeclaredFieldRow(f.Path, f.Kind.ToString())));

    private static Model Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        Enum.Parse<ModelKind>(reader.GetString(3)),
        reader.GetString(4),
        (JsonSerializer.Deserialize<DeclaredFieldRow[]>(reader.GetString(5)) ?? [])
            .Select(r => new DeclaredField(r.Path, Enum.Parse<FieldType>(r.Type))).ToList(),
        reader.ReadTime(6),
        reader.ReadTime(7))
    {
        SettledFields = (JsonSerializer.Deserialize<DeclaredFieldRow[]>(reader.GetString(8)) ?? [])
            .Select(r => new SettledField(r.Path, Enum.Parse<ValueKind>(r.Type))).ToList(),
    };

    private sealed record DeclaredFieldRow(string Path, string Type);
}
