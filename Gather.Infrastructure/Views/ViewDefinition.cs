using System.Text.Json.Nodes;
using Gather.Infrastructure.Records.Querying;

namespace Gather.Infrastructure.Views;

/// <summary>A view's columns, filter and order as one JSON object, the form both adapters store.</summary>
public static class ViewDefinition
{
    public static JsonObject ToJson(View view) => new()
    {
        ["columns"] = new JsonArray(view.Columns.Select(c => (JsonNode)JsonValue.Create(c)).ToArray()),
        ["where"] = view.Where?.DeepClone(),
        ["order"] = new JsonArray(view.Order.Select(o => (JsonNode)new JsonObject
        {
            ["field"] = o.Field,
            ["direction"] = o.Direction.ToString(),
        }).ToArray()),
    };

    /// <summary>Reads back what <see cref="ToJson"/> wrote into a view's columns, filter and order.</summary>
    public static (IReadOnlyList<string> Columns, JsonObject? Where, IReadOnlyList<SortInput> Order) FromJson(JsonObject json) => (
        (json["columns"] as JsonArray ?? []).Select(c => c!.GetValue<string>()).ToList(),
        json["where"] as JsonObject,
        (json["order"] as JsonArray ?? []).Select(o => new SortInput(o!["field"]?.GetValue<string>(),
            Enum.Parse<SortDirection>(o["direction"]!.GetValue<string>()))).ToList());
}
