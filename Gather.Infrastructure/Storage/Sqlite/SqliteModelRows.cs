using System.Text.Json;
using Gather.Infrastructure.Models;
using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>Maps <see cref="Model"/> to and from the <c>models</c> table.</summary>
internal static class SqliteModelRows
{
    public const string Columns = "id, team_id, name, kind, id_field, declared_fields, created_at, updated_at, settled_fields";

    public const string Insert =
        "INSERT INTO models (id, team_id, name, name_key, kind, id_field, declared_fields, created_at, updated_at, settled_fields) " +
        "VALUES ($id, $team, $name, $nameKey, $kind, $idField, $declared, $created, $updated, $settled)";

    public static (string, object?)[] Parameters(Model model) =>
    [
        ("$id", model.Id), ("$team", model.TeamId), ("$name", model.Name), ("$nameKey", NameKey(model.Name)),
        ("$kind", model.Kind.ToString()), ("$idField", model.IdField),
        ("$declared", JsonSerializer.Serialize(model.DeclaredFields.Select(f => new DeclaredFieldRow(f.Path, f.Type.ToString())))),
        ("$created", model.CreatedAt.ToUnixMilliseconds()), ("$updated", model.UpdatedAt.ToUnixMilliseconds()),
        ("$settled", Settled(model.SettledFields)),
    ];

    public static string Settled(IReadOnlyList<SettledField> fields) =>
        JsonSerializer.Serialize(fields.Select(f => new DeclaredFieldRow(f.Path, f.Kind.ToString())));

    /// <summary>Model names are unique per team regardless of case.</summary>
    public static string NameKey(string name) => name.ToLowerInvariant();

    public static Model Read(SqliteDataReader reader) => new(
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
