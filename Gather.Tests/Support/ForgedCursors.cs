using System.Text;
using System.Text.Json.Nodes;
using Gather.Infrastructure.Records.Querying;

namespace Gather.Tests.Support;

/// <summary>
/// Cursors no page ever returned: broken base64 and UTF-8, JSON of every type in the cursor's
/// place and in each of its parts (order fingerprint <c>o</c>, sort values <c>v</c>, record key
/// <c>k</c>), wrong arity, duplicate members, numbers beyond a double, lone surrogates. Parts
/// not being forged are valid for <paramref name="order"/>, so each forgery reaches the check
/// it is aimed at.
/// </summary>
public static class ForgedCursors
{
    /// <summary>A JSON value of every type, and the awkward ones: huge, negative-huge, deep, surrogate.</summary>
    public static readonly IReadOnlyList<string> EveryJsonType =
    [
        "null", "true", "false", "0", "-1", "1.5", "1e400", "-1e400", "123456789012345678901234567890", "\"\"", "\"x\"",
        "\"\\ud800\"", "[]", "[1]", "[null]", "[[[[[[1]]]]]]", "{}", """{"a":1}""", """{"$gt":""}""",
    ];

    public static string Encode(string json) => Encode(Encoding.UTF8.GetBytes(json));

    public static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static IEnumerable<(string Name, string Cursor)> For(IReadOnlyList<RecordSort> order)
    {
        var o = "\"" + RecordCursor.Fingerprint(order) + "\"";
        var v = "[" + string.Join(",", order.Select(_ => "\"paid\"")) + "]";
        const string k = "\"a01\"";
        string Cursor(string oPart, string vPart, string kPart) => Encode($$"""{"o":{{oPart}},"v":{{vPart}},"k":{{kPart}}}""");

        yield return ("not base64", "!!not base64!!");
        yield return ("empty", "");
        yield return ("one character", "a");
        yield return ("invalid UTF-8", Encode([(byte)'{', (byte)'"', 0xff, 0xfe, (byte)'"', (byte)':', (byte)'1', (byte)'}']));
        yield return ("invalid UTF-8 in the key", Encode([.. Encoding.UTF8.GetBytes($$"""{"o":{{o}},"v":{{v}},"k":"""), (byte)'"', 0xc3, 0x28, (byte)'"', (byte)'}']));
        yield return ("not JSON", Encode("{o: 1,"));
        foreach (var json in EveryJsonType)
        {
            yield return ($"the cursor is {json}", Encode(json));
            yield return ($"o is {json}", Cursor(json, v, k));
            if (!json.StartsWith('['))
                yield return ($"v is {json}", Cursor(o, json, k)); // lists in v's place: the arity and element cases below
            if (!json.StartsWith('"') || json.Contains("\\ud800", StringComparison.Ordinal))
                yield return ($"k is {json}", Cursor(o, v, json)); // any other string is a key
        }
        if (order.Count > 0)
        {
            foreach (var json in EveryJsonType.Where(j => j is "1e400" or "-1e400" or "\"\\ud800\"" || j.StartsWith('[') || j.StartsWith('{')))
                yield return ($"a sort value is {json}", Cursor(o, "[" + string.Join(",", order.Select(_ => json)) + "]", k));
            yield return ("too few sort values", Cursor(o, "[" + string.Join(",", order.Skip(1).Select(_ => "1")) + "]", k));
        }
        yield return ("too many sort values", Cursor(o, "[" + string.Join(",", order.Select(_ => "1").Append("1")) + "]", k));
        yield return ("o missing", Encode($$"""{"v":{{v}},"k":{{k}}}"""));
        yield return ("v missing", Encode($$"""{"o":{{o}},"k":{{k}}}"""));
        yield return ("k missing", Encode($$"""{"o":{{o}},"v":{{v}}}"""));
        yield return ("o twice", Encode($$"""{"o":{{o}},"o":{{o}},"v":{{v}},"k":{{k}}}"""));
        yield return ("k twice", Encode($$"""{"o":{{o}},"v":{{v}},"k":{{k}},"k":1}"""));
        yield return ("an extra member", Encode($$"""{"o":{{o}},"v":{{v}},"k":{{k}},"x":1}"""));
        yield return ("nested past any cursor", Encode(new string('[', 5_000) + new string(']', 5_000)));
        yield return ("another order's", Cursor("\"000000000000\"", v, k));
    }

    /// <summary>A valid cursor for <paramref name="order"/> at a record keyed <c>a01</c> whose sort values are all "paid".</summary>
    public static string Valid(IReadOnlyList<RecordSort> order) =>
        new RecordCursor(order.Select(_ => Scalar.Of("paid")).ToList(), "a01").Encode(order);
}
