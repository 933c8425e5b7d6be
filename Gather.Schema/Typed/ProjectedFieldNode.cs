using System.Text.Json;
using System.Text.Json.Serialization;
using Gather.Schema.Records;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Gather.Schema.Typed;

/// <summary>
/// A field of a typed record that the record's <see cref="RecordProjection"/> writes, among
/// fields that execute (the record is not <see cref="RecordProjection.IsComplete"/>). The
/// execution strategy skips it; graphql-dotnet's JSON writer serializes nodes it does not know
/// through their <see cref="ToValue"/>, which is the node itself, written by <see cref="Writer"/>.
/// </summary>
[JsonConverter(typeof(Writer))]
public sealed class ProjectedFieldNode(
    ObjectExecutionNode record, IGraphType graphType, GraphQLField field, FieldType fieldDefinition, RecordProjection projection, int index)
    : ExecutionNode(record, graphType, field, fieldDefinition, null)
{
    // Never null itself, so it never nulls its record: the projected fields that are non-null
    // (id, createdAt, updatedAt) always have a value.
    public override object? ToValue() => this;

    private RecordProjection Projection { get; } = projection;

    private int Index { get; } = index;

    private sealed class Writer : JsonConverter<ProjectedFieldNode>
    {
        public override void Write(Utf8JsonWriter writer, ProjectedFieldNode value, JsonSerializerOptions options) =>
            value.Projection.WriteValue(writer, (RecordNode)value.Parent!.Result!, value.Index, options);

        public override ProjectedFieldNode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Execution nodes are only written.");
    }
}
