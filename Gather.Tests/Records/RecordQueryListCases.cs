using System.Text.Json.Nodes;

namespace Gather.Tests.Records;

/// <summary>
/// <c>in</c>/<c>nin</c> lists at their edges, on the seed of <see cref="RecordQueryCases"/>:
/// empty lists (an empty <c>in</c> matches nothing, an empty <c>nin</c> everything, as
/// HotChocolate.Data's <c>in: []</c> becomes an always-false <c>Contains</c> and MongoDB's
/// <c>$in: []</c> matches nothing), every JSON type in one list, and lists of exactly
/// <c>Gather:Query:MaxInValues</c> (500) values. Kept apart from the snapshot-rendered cases so
/// 500-value lists do not flood the snapshot.
/// </summary>
public static class RecordQueryListCases
{
    public const int MaxInValues = 500;

    /// <summary>A JSON list of <see cref="MaxInValues"/> values: <paramref name="wanted"/> among values no record holds.</summary>
    private static string AtLimit(bool numbers, params JsonNode?[] wanted)
    {
        var fillers = Enumerable.Range(0, MaxInValues - wanted.Length)
            .Select(i => numbers ? JsonValue.Create(10_000_000 + i * 0.5) : (JsonNode)JsonValue.Create($"no such value {i} ✓")!);
        var all = fillers.ToList<JsonNode?>();
        for (var i = 0; i < wanted.Length; i++)
            all.Insert(i * (all.Count / wanted.Length), wanted[i]?.DeepClone());
        return new JsonArray(all.ToArray()).ToJsonString();
    }

    private static readonly string[] All = RecordQueryCases.All;

    private static string[] Except(params string[] ids) => All.Except(ids).ToArray();

    public static readonly IReadOnlyList<RecordQueryCases.Case> Cases =
    [
        new("in_empty_matches_nothing", """{"field":"status","in":[]}""", []),
        new("nin_empty_matches_everything", """{"field":"status","nin":[]}""", All),
        new("in_empty_on_missing_and_array_fields", """{"or":[{"field":"tags","in":[]},{"field":"nope","in":[]}]}""", []),
        new("nin_empty_includes_missing_fields", """{"field":"nope","nin":[]}""", All),
        new("not_in_empty_matches_everything", """{"not":{"field":"status","in":[]}}""", All),
        new("in_empty_beside_another_operator", """{"field":"amount","gt":100,"in":[]}""", []),
        new("in_booleans_and_null_match_missing", """{"field":"active","in":[false,null]}""",
            ["a02", "a05", "a06", "a07", "a09", "a10", "a12", "a14", "a16"]),
        new("in_true_is_not_a_number", """{"field":"amount","in":[true,1]}""", ["a16"]),
        new("in_decimals", """{"field":"amount","in":[49.99,3.25,75.0]}""", ["a02", "a11", "a15"]),
        new("in_unicode_and_emoji", """{"field":"note","in":["Big deal 🚀","école fees","ÉCOLE"]}""", ["a04", "a10"]),
        new("nin_every_type", """{"field":"amount","nin":[null,true,"75",10,75.5]}""", Except("a05", "a06", "a16", "a07", "a01", "a03")),
        new("in_strings_at_the_limit", $$"""{"field":"status","in":{{AtLimit(false, "void", "refunded")}}}""", ["a04", "a08"]),
        new("in_numbers_at_the_limit", $$"""{"field":"amount","in":{{AtLimit(true, 75, 0, 3.25)}}}""", ["a02", "a09", "a11"]),
        new("nin_at_the_limit", $$"""{"field":"status","nin":{{AtLimit(false, "paid", "open")}}}""", ["a04", "a08", "a12"]),
        new("in_array_elements_at_the_limit", $$"""{"field":"tags","in":{{AtLimit(false, "green")}}}""", ["a02", "a14"]),
        new("in_mixed_types_at_the_limit", $$"""{"field":"amount","in":{{AtLimit(true, null, true, "75", 200)}}}""", ["a04", "a05", "a06", "a07", "a16"]),
        new("in_at_the_limit_on_a_deep_path", $$"""{"field":"address.city","in":{{AtLimit(false, "Berlin", "Zürich")}}}""", ["a01", "a02", "a08"]),
    ];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases)
            data.Add(c.Name);
        return data;
    }
}
