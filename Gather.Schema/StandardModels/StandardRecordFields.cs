using System.Text.Json.Nodes;
using Gather.Schema.Common;
using Gather.Schema.Records;
using GraphQL.Types;

namespace Gather.Schema.StandardModels;

/// <summary>Fields shared by the standard models' types: id, the rest of the fields as JSON, and times.</summary>
internal static class StandardRecordFields
{
    public static void Add(ObjectGraphType<RecordNode> type, params string[] defaultFields)
    {
        type.Field<NonNullGraphType<IdGraphType>>("id").Description("The value of the model's ID field.").Resolve(c => c.Source.Record.Key);
        type.Field<NonNullGraphType<JsonScalarType>>("fields")
            .Description($"The record's other fields (all but {string.Join(", ", defaultFields)}) as a JSON object.")
            .Resolve(c => Without(c.Source.Record.Data, defaultFields));
        AttachedJson.AddTo(type);
        type.Field<NonNullGraphType<DateTimeType>>("createdAt").Description("When the record was first synced.")
            .Resolve(c => c.Source.Record.CreatedAt);
        type.Field<NonNullGraphType<DateTimeType>>("updatedAt").Description("When a sync last changed the record.")
            .Resolve(c => c.Source.Record.UpdatedAt);
    }

    public static string? Text(RecordNode node, string field) =>
        node.Record.Data[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : node.Record.Data[field]?.ToJsonString();

    private static JsonObject Without(JsonObject data, string[] fields)
    {
        var rest = new JsonObject();
        foreach (var (name, value) in data)
        {
            if (!fields.Contains(name))
                rest[name] = value?.DeepClone();
        }
        return rest;
    }
}
