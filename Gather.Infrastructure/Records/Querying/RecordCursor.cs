using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gather.Infrastructure.Records.Querying;

/// <summary>
/// A keyset cursor: the sort values and key of a record. Paging continues strictly after (or
/// before) that position, so records inserted meanwhile never shift a page. The cursor names
/// its order; using it with another order is an error rather than a silently wrong page.
/// </summary>
public sealed record RecordCursor(IReadOnlyList<Scalar> Values, string Key)
{
    public static RecordCursor For(StoredRecord record, IReadOnlyList<RecordSort> order) =>
        new(order.Select(s => SortValue(record, s.Path)).ToList(), record.Key);

    public string Encode(IReadOnlyList<RecordSort> order) => Encode(Fingerprint(order));

    /// <summary>Encodes with the order's <see cref="Fingerprint"/> computed once for a whole page.</summary>
    public string Encode(string orderFingerprint)
    {
        var json = new JsonObject
        {
            ["o"] = orderFingerprint,
            ["v"] = new JsonArray(Values.Select(v => v.ToJson()).ToArray()),
            ["k"] = Key,
        };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json.ToJsonString())).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static RecordCursor? TryDecode(string text, IReadOnlyList<RecordSort> order, out string? problem)
    {
        problem = "The cursor is not one this API returned.";
        JsonNode? json;
        try
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            json = JsonNode.Parse(Convert.FromBase64String(base64));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
        if (json is not JsonObject obj || obj["k"] is not JsonValue key || key.GetValueKind() != JsonValueKind.String
            || obj["v"] is not JsonArray values || obj["o"]?.GetValue<string>() is not { } fingerprint)
            return null;
        if (fingerprint != Fingerprint(order) || values.Count != order.Count)
        {
            problem = "The cursor belongs to a different order: page with the order it was returned for.";
            return null;
        }
        var scalars = values.Select(Scalar.FromJson).ToList();
        if (scalars.Any(s => s is null))
            return null;
        problem = null;
        return new RecordCursor(scalars.Select(s => s!.Value).ToList(), key.GetValue<string>());
    }

    /// <summary>The value a record sorts by: a scalar at the path, else null (missing, object or array).</summary>
    public static Scalar SortValue(StoredRecord record, FieldPath path) =>
        Scalar.FromJson(ValueAt(AttachedData.IsAttached(path) ? record.Linked : record.Data, path)) ?? Scalar.Null;

    public static JsonNode? ValueAt(JsonObject data, FieldPath path)
    {
        JsonNode? node = data;
        foreach (var segment in path.Segments)
            node = node is JsonObject obj && obj.TryGetPropertyValue(segment, out var next) ? next : null;
        return node;
    }

    public static string Fingerprint(IReadOnlyList<RecordSort> order) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\n', order.Select(s => $"{s.Path}\t{s.Direction}")))))[..12];
}
