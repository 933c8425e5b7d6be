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

    /// <summary>
    /// Reads a cursor a caller sent back. Anything else (bad base64 or UTF-8, JSON of another
    /// shape, members of the wrong JSON type, duplicate members, numbers beyond a double, lone
    /// surrogates) is refused with <paramref name="problem"/> saying why, never an exception:
    /// a cursor is caller input.
    /// </summary>
    public static RecordCursor? TryDecode(string text, IReadOnlyList<RecordSort> order, out string? problem)
    {
        problem = "It is not a cursor this API returned: pass a page's `endCursor` or `startCursor` (or an edge's `cursor`) unchanged.";
        try
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            var bytes = Convert.FromBase64String(base64);
            using var json = JsonDocument.Parse(StrictUtf8.GetString(bytes), ParseOptions);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || root.EnumerateObject().Count() != 3
                || !root.TryGetProperty("o", out var fingerprint) || fingerprint.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("v", out var values) || values.ValueKind != JsonValueKind.Array
                || !root.TryGetProperty("k", out var key) || key.ValueKind != JsonValueKind.String)
                return null;
            if (fingerprint.GetString() != Fingerprint(order) || values.GetArrayLength() != order.Count)
            {
                problem = "The cursor belongs to a different order: page with the order it was returned for.";
                return null;
            }
            var scalars = new List<Scalar>(order.Count);
            foreach (var value in values.EnumerateArray())
            {
                if (CursorValue(value) is not { } scalar)
                    return null;
                scalars.Add(scalar);
            }
            var cursor = new RecordCursor(scalars, key.GetString()!);
            problem = null;
            return cursor;
        }
        // InvalidOperationException: a string holding an escaped lone surrogate cannot be read.
        catch (Exception e) when (e is FormatException or JsonException or DecoderFallbackException or InvalidOperationException)
        {
            return null;
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // A cursor is an object holding one array of scalars: nothing deeper, and no member twice.
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 3, AllowDuplicateProperties = false };

    /// <summary>A sort value as <see cref="Encode(string)"/> writes it: a scalar, numbers finite and canonical.</summary>
    private static Scalar? CursorValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => Scalar.Null,
        JsonValueKind.True => Scalar.Of(true),
        JsonValueKind.False => Scalar.Of(false),
        JsonValueKind.String => Scalar.Of(value.GetString()!),
        JsonValueKind.Number when value.TryGetInt64(out var integer) => Scalar.Of(integer),
        JsonValueKind.Number when value.TryGetDouble(out var number) && double.IsFinite(number) => Scalar.NumberOf(number),
        _ => null,
    };

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
