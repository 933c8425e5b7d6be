namespace Gather.Tests.Records;

/// <summary>
/// The seed records and the filter/sort/search cases every adapter must answer identically.
/// Expected ids are in result order; without an order, results come by id.
/// </summary>
public static class RecordQueryCases
{
    public const string Seed = """
        [
          {"id":"a01","name":"Alpha","amount":10,"status":"paid","active":true,"address":{"city":"Zürich","zip":"8001"},"tags":["red","blue"],"note":"First order"},
          {"id":"a02","name":"beta","amount":75,"status":"paid","active":false,"address":{"city":"Berlin"},"tags":["green"],"note":"Rush delivery"},
          {"id":"a03","name":"Gamma","amount":75.5,"status":"open","active":true,"address":{"city":"zürich"},"tags":[],"note":"ÉCOLE supplies"},
          {"id":"a04","name":"delta","amount":200,"status":"refunded","active":true,"note":"école fees"},
          {"id":"a05","name":"Épsilon","amount":null,"status":"open","active":false,"address":{"city":"Paris"}},
          {"id":"a06","name":"Zeta","status":"paid","tags":["red"]},
          {"id":"a07","name":"eta","amount":"75","status":"open","note":"75 percent"},
          {"id":"a08","name":"Theta","amount":-5,"status":"void","active":true,"address":{"city":"Berlin","zip":"10115"}},
          {"id":"a09","name":"iota","amount":0,"status":"paid","active":false,"tags":["blue","Red"]},
          {"id":"a10","name":"Kappa","amount":1000000,"status":"open","note":"Big deal 🚀"},
          {"id":"a11","name":"λambda","amount":3.25,"status":"paid","active":true,"address":{"city":"Athens"}},
          {"id":"a12","name":"Mu","amount":50,"status":"PAID","note":null},
          {"id":"a13","name":"nu","amount":50,"status":"paid","active":true,"address":{"city":null}},
          {"id":"a14","name":"Xi","amount":120,"status":"open","tags":["red","green"],"meta":{"level":{"deep":"yes"}},"note":"50% off (a+b)*"},
          {"id":"a15","name":"Omicron","amount":49.99,"status":"paid","active":true,"note":"rush order"},
          {"id":"a16","name":"Pi","amount":true,"status":"open"}
        ]
        """;

    public static readonly string[] All = Enumerable.Range(1, 16).Select(i => $"a{i:00}").ToArray();

    private static string[] Except(params string[] ids) => All.Except(ids).ToArray();

    public sealed record Case(string Name, string? Where, string[] Expected, string? Order = null, string? Search = null);

    public static readonly IReadOnlyList<Case> Cases =
    [
        // Equality is type-aware and case-sensitive.
        new("eq_int", """{"field":"amount","eq":75}""", ["a02"]),
        new("eq_string_is_not_the_number", """{"field":"amount","eq":"75"}""", ["a07"]),
        new("eq_decimal", """{"field":"amount","eq":75.5}""", ["a03"]),
        new("eq_matches_several", """{"field":"amount","eq":50}""", ["a12", "a13"]),
        new("eq_null_matches_null_and_missing", """{"field":"amount","eq":null}""", ["a05", "a06"]),
        new("neq_null_is_present_and_not_null", """{"field":"amount","neq":null}""", Except("a05", "a06")),
        new("eq_string_case_sensitive", """{"field":"status","eq":"paid"}""", ["a01", "a02", "a06", "a09", "a11", "a13", "a15"]),
        new("neq_string_includes_other_case", """{"field":"status","neq":"paid"}""", ["a03", "a04", "a05", "a07", "a08", "a10", "a12", "a14", "a16"]),
        new("eq_true", """{"field":"active","eq":true}""", ["a01", "a03", "a04", "a08", "a11", "a13", "a15"]),
        new("eq_false", """{"field":"active","eq":false}""", ["a02", "a05", "a09"]),
        new("neq_true_includes_missing", """{"field":"active","neq":true}""", ["a02", "a05", "a06", "a07", "a09", "a10", "a12", "a14", "a16"]),
        new("eq_unicode", """{"field":"name","eq":"Épsilon"}""", ["a05"]),
        new("eq_unicode_other_case", """{"field":"name","eq":"épsilon"}""", []),
        new("in_strings", """{"field":"status","in":["open","void"]}""", ["a03", "a05", "a07", "a08", "a10", "a14", "a16"]),
        new("nin_strings", """{"field":"status","nin":["paid","open"]}""", ["a04", "a08", "a12"]),
        new("in_mixed_types", """{"field":"amount","in":[10,200,"75"]}""", ["a01", "a04", "a07"]),
        new("in_with_null", """{"field":"amount","in":[null,0]}""", ["a05", "a06", "a09"]),
        new("nin_null", """{"field":"amount","nin":[null]}""", Except("a05", "a06")),
        // Ordering comparisons stay within one type.
        new("gt_number_skips_strings_and_booleans", """{"field":"amount","gt":50}""", ["a02", "a03", "a04", "a10", "a14"]),
        new("gte_number", """{"field":"amount","gte":50}""", ["a02", "a03", "a04", "a10", "a12", "a13", "a14"]),
        new("lt_number_negative_and_zero", """{"field":"amount","lt":10}""", ["a08", "a09", "a11"]),
        new("lte_number", """{"field":"amount","lte":10}""", ["a01", "a08", "a09", "a11"]),
        new("gt_decimal_bound", """{"field":"amount","gt":49.99}""", ["a02", "a03", "a04", "a10", "a12", "a13", "a14"]),
        new("gte_decimal_bound", """{"field":"amount","gte":49.99}""", ["a02", "a03", "a04", "a10", "a12", "a13", "a14", "a15"]),
        new("gt_string_ordinal_unicode", """{"field":"name","gt":"m"}""", ["a05", "a11", "a13"]),
        new("lt_string_ordinal", """{"field":"name","lt":"B"}""", ["a01"]),
        new("gt_string_skips_numbers", """{"field":"amount","gt":"7"}""", ["a07"]),
        new("gte_deep_path_string", """{"field":"address.city","gte":"Berlin"}""", ["a01", "a02", "a03", "a05", "a08"]),
        new("range_on_one_field", """{"field":"amount","gt":10,"lt":100}""", ["a02", "a03", "a12", "a13", "a15"]),
        // The contains family ignores case and matches strings only.
        new("contains_ignores_case", """{"field":"note","contains":"rush"}""", ["a02", "a15"]),
        new("contains_folds_unicode", """{"field":"note","contains":"ÉCOLE"}""", ["a03", "a04"]),
        new("ncontains_includes_missing", """{"field":"note","ncontains":"rush"}""", Except("a02", "a15")),
        new("startsWith_ascii", """{"field":"name","startsWith":"e"}""", ["a07"]),
        new("startsWith_unicode", """{"field":"name","startsWith":"É"}""", ["a05"]),
        new("endsWith_ignores_case", """{"field":"name","endsWith":"TA"}""", ["a02", "a04", "a06", "a07", "a08", "a09"]),
        new("contains_emoji", """{"field":"note","contains":"🚀"}""", ["a10"]),
        new("contains_regex_characters_literally", """{"field":"note","contains":"(a+b)*"}""", ["a14"]),
        new("contains_dot_star_literally", """{"field":"note","contains":".*"}""", []),
        new("contains_skips_numbers", """{"field":"amount","contains":"7"}""", ["a07"]),
        // Arrays match when any element does.
        new("contains_array_elements", """{"field":"tags","contains":"RE"}""", ["a01", "a02", "a06", "a09", "a14"]),
        new("eq_array_element", """{"field":"tags","eq":"red"}""", ["a01", "a06", "a14"]),
        new("neq_array_element", """{"field":"tags","neq":"red"}""", Except("a01", "a06", "a14")),
        new("in_array_elements", """{"field":"tags","in":["green","Red"]}""", ["a02", "a09", "a14"]),
        new("exists_array", """{"field":"tags","exists":true}""", ["a01", "a02", "a03", "a06", "a09", "a14"]),
        new("not_exists_array", """{"field":"tags","exists":false}""", Except("a01", "a02", "a03", "a06", "a09", "a14")),
        // Presence, nulls and nested paths.
        // A top-level null in a sync removes the field (a12's note); nested nulls are kept (a13's city).
        new("exists", """{"field":"note","exists":true}""", ["a01", "a02", "a03", "a04", "a07", "a10", "a14", "a15"]),
        new("not_exists", """{"field":"note","exists":false}""", ["a05", "a06", "a08", "a09", "a11", "a12", "a13", "a16"]),
        new("exists_includes_null", """{"field":"address.city","exists":true}""", ["a01", "a02", "a03", "a05", "a08", "a11", "a13"]),
        new("eq_deep_path", """{"field":"address.city","eq":"Berlin"}""", ["a02", "a08"]),
        new("eq_null_deep_path_matches_missing_parents", """{"field":"address.city","eq":null}""",
            ["a04", "a06", "a07", "a09", "a10", "a12", "a13", "a14", "a15", "a16"]),
        new("exists_deep_path", """{"field":"address.zip","exists":true}""", ["a01", "a08"]),
        new("eq_three_levels_deep", """{"field":"meta.level.deep","eq":"yes"}""", ["a14"]),
        new("exists_object", """{"field":"meta.level","exists":true}""", ["a14"]),
        new("missing_field_matches_nothing", """{"field":"nope","eq":1}""", []),
        // Combinations.
        new("and", """{"and":[{"field":"status","eq":"paid"},{"field":"amount","gt":20}]}""", ["a02", "a13", "a15"]),
        new("or", """{"or":[{"field":"status","eq":"void"},{"field":"amount","gte":1000}]}""", ["a08", "a10"]),
        new("not", """{"not":{"field":"status","eq":"paid"}}""", ["a03", "a04", "a05", "a07", "a08", "a10", "a12", "a14", "a16"]),
        new("not_or_finds_missing_booleans", """{"not":{"or":[{"field":"active","eq":true},{"field":"active","eq":false}]}}""",
            ["a06", "a07", "a10", "a12", "a14", "a16"]),
        new("and_of_or", """{"and":[{"or":[{"field":"status","eq":"open"},{"field":"status","eq":"void"}]},{"field":"active","eq":true}]}""",
            ["a03", "a08"]),
        new("field_with_and", """{"field":"status","eq":"paid","and":[{"field":"active","eq":true}]}""", ["a01", "a11", "a13", "a15"]),
        new("empty_result", """{"field":"status","eq":"nope"}""", []),
        new("empty_or_matches_nothing", """{"or":[]}""", []),
        // Search: every term, case-insensitively, in any string value.
        new("search_one_term", null, ["a02", "a15"], Search: "rush"),
        new("search_folds_unicode", null, ["a01", "a03"], Search: "ZÜRICH"),
        new("search_all_terms", null, ["a02", "a15"], Search: "paid  rush"),
        new("search_strings_only", null, ["a07"], Search: "7"),
        new("search_array_elements", null, ["a01", "a06", "a09", "a14"], Search: "red"),
        new("search_nothing", null, [], Search: "zzz"),
        // Order: null and missing, numbers, strings, booleans; ties by id.
        new("order_mixed_types_asc", null, ["a05", "a06", "a08", "a09", "a11", "a01", "a15", "a12", "a13", "a02", "a03", "a14", "a04", "a10", "a07", "a16"],
            Order: """[{"field":"amount"}]"""),
        new("order_mixed_types_desc", null, ["a16", "a07", "a10", "a04", "a14", "a03", "a02", "a12", "a13", "a15", "a01", "a11", "a09", "a08", "a05", "a06"],
            Order: """[{"field":"amount","direction":"DESC"}]"""),
        new("order_two_keys", null, ["a12", "a16", "a07", "a10", "a14", "a03", "a05", "a02", "a13", "a15", "a01", "a11", "a09", "a06", "a04", "a08"],
            Order: """[{"field":"status"},{"field":"amount","direction":"DESC"}]"""),
        new("order_strings_ordinal", null, ["a01", "a03", "a10", "a12", "a15", "a16", "a08", "a14", "a06", "a02", "a04", "a07", "a09", "a13", "a05", "a11"],
            Order: """[{"field":"name"}]"""),
        new("order_booleans_desc", null, ["a01", "a03", "a04", "a08", "a11", "a13", "a15", "a02", "a05", "a09", "a06", "a07", "a10", "a12", "a14", "a16"],
            Order: """[{"field":"active","direction":"DESC"}]"""),
        new("order_deep_path_with_filter", """{"field":"address","exists":true}""", ["a13", "a11", "a02", "a08", "a05", "a01", "a03"],
            Order: """[{"field":"address.city"}]"""),
        new("filter_order_and_search", """{"field":"status","eq":"paid"}""", ["a02", "a15", "a01", "a09", "a06"],
            Order: """[{"field":"amount","direction":"DESC"}]""", Search: "r"),
    ];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases)
            data.Add(c.Name);
        return data;
    }
}
