using System.Text.Json.Nodes;
using Gather.Schema.Records;

namespace Gather.Schema.StandardModels;

/// <summary>What the standard models' types (Account, Customer) share beyond the record's own fields.</summary>
internal static class StandardRecordFields
{
    public const string IdDescription = "The value of the model's ID field.";

    /// <summary>A field the type shows as its own (<c>name</c>, <c>email</c>), as text.</summary>
    public static string? Text(RecordNode node, string field) =>
        node.Record.Data[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : node.Record.Data[field]?.ToJsonString();
}
