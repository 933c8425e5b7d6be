using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;

namespace Gather.Infrastructure.Relationships;

/// <summary>
/// The values relationships match on. Records are related when their fields hold the same
/// string or integer, compared as text: an order's <c>customerId: 1234</c> (a number, as form
/// syncs store it) matches the customer keyed <c>"1234"</c> (ID fields are strings). Other
/// values (decimals, booleans, null, objects, arrays) relate to nothing.
/// </summary>
public static class LinkValues
{
    /// <summary>The value <paramref name="record"/> links by at <paramref name="field"/>, or null when it links to nothing.</summary>
    public static string? Of(StoredRecord record, Model model, FieldPath field) =>
        field.Segments.Count == 1 && field.Segments[0] == model.IdField
            ? record.Key
            : Of(RecordCursor.ValueAt(record.Data, field));

    public static string? Of(JsonNode? value) => value switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var integer) =>
            integer.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };
}
