using System.Text.Json;
using System.Text.Json.Serialization;
using Gather.Schema.Records;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Gather.Schema.Typed;

/// <summary>
/// A field of a typed record that the record's <see cref="RecordProjection"/> writes, among
/// fields that execute (the projection is not <see cref="RecordProjection.IsComplete"/>). The
/// execution strategy skips it; when the result is serialized it writes its value.
/// </summary>
[JsonConverter(typeof(Writer))]
public sealed class ProjectedFieldNode(
    ObjectExecutionNode record, IGraphType graphType, GraphQLField field, FieldType fieldDefinition, RecordProjection projection, int index)
    : WrittenExecutionNode(record, graphType, field, fieldDefinition, null)
{
    // Never null itself, so it never nulls its record: the projected fields that are non-null
    // (id, createdAt, updatedAt) always have a value.
    public override object? ToValue() => this;

    public override void Write(Utf8JsonWriter writer, JsonSerializerOptions options) =>
        projection.WriteValue(writer, (RecordNode)Parent!.Result!, index, options);
}
