using System.Text.Json.Nodes;
using Gather.Infrastructure.Records.Querying;

namespace Gather.Tests.Records;

/// <summary>Reads filters and orders written as JSON in test tables, in the GraphQL input's shape.</summary>
public static class QueryJson
{
    private static readonly Dictionary<string, FilterOperator> Operators = new()
    {
        ["eq"] = FilterOperator.Eq, ["neq"] = FilterOperator.Neq, ["in"] = FilterOperator.In, ["nin"] = FilterOperator.Nin,
        ["gt"] = FilterOperator.Gt, ["gte"] = FilterOperator.Gte, ["lt"] = FilterOperator.Lt, ["lte"] = FilterOperator.Lte,
        ["contains"] = FilterOperator.Contains, ["ncontains"] = FilterOperator.NContains,
        ["startsWith"] = FilterOperator.StartsWith, ["endsWith"] = FilterOperator.EndsWith, ["exists"] = FilterOperator.Exists,
    };

    public static FilterInput? Filter(string? json) => json is null ? null : Filter((JsonObject)JsonNode.Parse(json)!);

    private static FilterInput Filter(JsonObject node) => new(
        (node["and"] as JsonArray)?.Select(n => Filter((JsonObject)n!)).ToList(),
        (node["or"] as JsonArray)?.Select(n => Filter((JsonObject)n!)).ToList(),
        node["not"] is JsonObject not ? Filter(not) : null,
        node["field"]?.GetValue<string>(),
        node.Where(p => Operators.ContainsKey(p.Key)).Select(p => (Operators[p.Key], p.Value?.DeepClone())).ToList());

    public static IReadOnlyList<SortInput>? Order(string? json) =>
        json is null ? null : JsonNode.Parse(json)!.AsArray().Select(n => new SortInput(
            n!["field"]!.GetValue<string>(),
            n["direction"]?.GetValue<string>() == "DESC" ? SortDirection.Descending : SortDirection.Ascending)).ToList();
}
