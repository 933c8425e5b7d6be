using System.Text.Json.Nodes;

namespace Gather.Infrastructure.Records.Querying;

/// <summary>
/// A <see cref="FilterInput"/> as JSON in the shape of GraphQL's <c>RecordFilterInput</c>
/// (<c>{ and, or, not, field, eq, … }</c>): how saved view filters are stored, so they are
/// validated again, by today's rules, each time they are used.
/// </summary>
public static class FilterInputJson
{
    /// <summary>The operator names of <c>RecordFilterInput</c>, HotChocolate.Data's vocabulary.</summary>
    public static readonly IReadOnlyList<(string Name, FilterOperator Operator)> Operators =
    [
        ("eq", FilterOperator.Eq), ("neq", FilterOperator.Neq), ("in", FilterOperator.In), ("nin", FilterOperator.Nin),
        ("gt", FilterOperator.Gt), ("gte", FilterOperator.Gte), ("lt", FilterOperator.Lt), ("lte", FilterOperator.Lte),
        ("contains", FilterOperator.Contains), ("ncontains", FilterOperator.NContains),
        ("startsWith", FilterOperator.StartsWith), ("endsWith", FilterOperator.EndsWith), ("exists", FilterOperator.Exists),
    ];

    public static JsonObject ToJson(FilterInput filter)
    {
        var json = new JsonObject();
        if (filter.And is { } and)
            json["and"] = new JsonArray(and.Select(f => (JsonNode)ToJson(f)).ToArray());
        if (filter.Or is { } or)
            json["or"] = new JsonArray(or.Select(f => (JsonNode)ToJson(f)).ToArray());
        if (filter.Not is { } not)
            json["not"] = ToJson(not);
        if (filter.Field is { } field)
            json["field"] = field;
        foreach (var (op, operand) in filter.Operators)
            json[Operators.First(o => o.Operator == op).Name] = operand?.DeepClone();
        return json;
    }

    public static FilterInput FromJson(JsonObject json) => new(
        (json["and"] as JsonArray)?.OfType<JsonObject>().Select(FromJson).ToList(),
        (json["or"] as JsonArray)?.OfType<JsonObject>().Select(FromJson).ToList(),
        json["not"] is JsonObject not ? FromJson(not) : null,
        json["field"] is JsonValue field && field.TryGetValue<string>(out var text) ? text : null,
        Operators.Where(o => json.ContainsKey(o.Name)).Select(o => (o.Operator, json[o.Name]?.DeepClone())).ToList());
}
