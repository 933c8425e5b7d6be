using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL.Types;
using ModelFieldType = Gather.Infrastructure.Models.FieldType;

namespace Gather.Schema.Typed;

/// <summary>
/// One synced field of a typed record: the stored value as its field's type reads it (<see cref="Value"/>).
/// A stored value of another kind (synced before the field's type was settled or declared) is a
/// <see cref="StoredValueError"/> at the field's path, never a silent null.
/// </summary>
public sealed class SyncedFieldResolver(string path, ModelFieldType type)
    : RecordValueResolver(node => Value(node.Record.Data[path], type, path))
{
    /// <summary>The top-level property of the record's data this field reads.</summary>
    public string Path => path;

    public ModelFieldType Type => type;

    /// <summary>Whether the stored JSON (<c>Undefined</c> when the record lacks it) reads as this field's type.</summary>
    public bool Fits(JsonElement stored) => stored.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => true,
        _ when type == ModelFieldType.Json => true,
        JsonValueKind.String => type == ModelFieldType.String || type == ModelFieldType.DateTime && ParseTime(stored.GetString()!) is not null,
        JsonValueKind.Number => type == ModelFieldType.Float
                                || type == ModelFieldType.Int && stored.TryGetInt64(out var l) && l is >= int.MinValue and <= int.MaxValue,
        JsonValueKind.True or JsonValueKind.False => type == ModelFieldType.Boolean,
        _ => false,
    };

    /// <summary>The error for a stored value that does not fit (see <see cref="Fits"/>).</summary>
    public StoredValueError Misfit(JsonValueKind found) => new(path, type, found);

    /// <summary>
    /// Writes the field from the record's stored JSON (<c>Undefined</c> when the record lacks it),
    /// as <see cref="Value"/> would read it from the same JSON as a node and its scalar serialize it.
    /// A value that does not fit is written as null: its error was reported when the record was
    /// executed (<see cref="RecordProjection.ReportMisfits"/>).
    /// </summary>
    public void WriteStored(Utf8JsonWriter writer, JsonElement stored, ScalarGraphType scalar, JsonSerializerOptions options)
    {
        if (!Fits(stored))
        {
            writer.WriteNullValue();
            return;
        }
        switch (stored.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                writer.WriteNullValue();
                break;
            case JsonValueKind.Number when type == ModelFieldType.Int:
                writer.WriteNumberValue(stored.GetInt64());
                break;
            case JsonValueKind.Number when type == ModelFieldType.Float:
                writer.WriteNumberValue(stored.GetDouble());
                break;
            case JsonValueKind.String when type == ModelFieldType.DateTime:
                WriteSerialized(writer, scalar.Serialize(ParseTime(stored.GetString()!)), options);
                break;
            default:
                // Strings, booleans and JSON fields: the value as stored.
                stored.WriteTo(writer);
                break;
        }
    }

    /// <summary>A stored value as its typed field returns it; a value of another kind is a <see cref="StoredValueError"/>.</summary>
    // The arms are typed as object on purpose: JsonNode converts implicitly from string, bool and
    // numbers, so a switch typed JsonNode would turn every scalar back into a JSON node.
    public static object? Value(JsonNode? node, ModelFieldType type, string path) => type switch
    {
        _ when node is null => (object?)null,
        ModelFieldType.String => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw Misfit(node, type, path),
        ModelFieldType.Int => node is JsonValue v && v.TryGetValue<long>(out var l) && l is >= int.MinValue and <= int.MaxValue
            ? (int)l
            : throw Misfit(node, type, path),
        ModelFieldType.Float => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? AsDouble(v) : throw Misfit(node, type, path),
        ModelFieldType.Boolean => node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : throw Misfit(node, type, path),
        ModelFieldType.DateTime => node is JsonValue v && v.TryGetValue<string>(out var t) && ParseTime(t) is { } at ? at : throw Misfit(node, type, path),
        _ => (object?)node,
    };

    // A number node may hold a long (built by a sync) or a JSON element (read from the store).
    private static double AsDouble(JsonValue number) =>
        number.TryGetValue<double>(out var d) ? d
        : number.TryGetValue<long>(out var l) ? l
        : double.Parse(number.ToJsonString(), CultureInfo.InvariantCulture);

    private static StoredValueError Misfit(JsonNode node, ModelFieldType type, string path) => new(path, type, node.GetValueKind());

    private static DateTimeOffset? ParseTime(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
