using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL.Types;
using ModelFieldType = Gather.Infrastructure.Models.FieldType;

namespace Gather.Schema.Typed;

/// <summary>
/// One synced field of a typed record: the stored value as its field's type reads it (<see cref="Value"/>).
/// A value of another kind, possible for fields only seen in syncs, reads as null.
/// </summary>
public sealed class SyncedFieldResolver(string path, ModelFieldType type)
    : RecordValueResolver(node => Value(node.Record.Data[path], type))
{
    /// <summary>The top-level property of the record's data this field reads.</summary>
    public string Path => path;

    /// <summary>
    /// Writes the field from the record's stored JSON (<c>Undefined</c> when the record lacks it),
    /// as <see cref="Value"/> would read it from the same JSON as a node and its scalar serialize it.
    /// </summary>
    public void WriteStored(Utf8JsonWriter writer, JsonElement stored, ScalarGraphType scalar, JsonSerializerOptions options)
    {
        switch (stored.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                writer.WriteNullValue();
                break;
            case JsonValueKind.String when type == ModelFieldType.String:
                stored.WriteTo(writer);
                break;
            case JsonValueKind.Number when type == ModelFieldType.Int && stored.TryGetInt64(out var l) && l is >= int.MinValue and <= int.MaxValue:
                writer.WriteNumberValue(l);
                break;
            case JsonValueKind.Number when type == ModelFieldType.Float && stored.TryGetDouble(out var d):
                writer.WriteNumberValue(d);
                break;
            case JsonValueKind.True or JsonValueKind.False when type == ModelFieldType.Boolean:
                writer.WriteBooleanValue(stored.ValueKind == JsonValueKind.True);
                break;
            case JsonValueKind.String when type == ModelFieldType.DateTime:
                WriteSerialized(writer, scalar.Serialize(Value(JsonValue.Create(stored), type)), options);
                break;
            case var _ when type is ModelFieldType.String or ModelFieldType.Int or ModelFieldType.Float
                or ModelFieldType.Boolean or ModelFieldType.DateTime:
                writer.WriteNullValue();
                break;
            default:
                // JSON fields: the value as stored.
                stored.WriteTo(writer);
                break;
        }
    }

    /// <summary>A stored value as its typed field returns it; a value of another kind reads as null.</summary>
    // The arms are typed as object on purpose: JsonNode converts implicitly from string, bool and
    // numbers, so a switch typed JsonNode would turn every scalar back into a JSON node.
    public static object? Value(JsonNode? node, ModelFieldType type) => type switch
    {
        _ when node is null => (object?)null,
        ModelFieldType.String => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null,
        ModelFieldType.Int => node is JsonValue v && v.TryGetValue<long>(out var l) && l is >= int.MinValue and <= int.MaxValue ? (int)l : null,
        ModelFieldType.Float => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null,
        ModelFieldType.Boolean => node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null,
        ModelFieldType.DateTime => node is JsonValue v && v.TryGetValue<string>(out var t)
                              && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null,
        _ => (object?)node,
    };
}
