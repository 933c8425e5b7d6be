using System.Text.Json;
using System.Text.Json.Serialization;
using Gather.Schema.Records;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Gather.Schema.Typed;

/// <summary>
/// A typed record in the execution tree whose whole selection is a complete
/// <see cref="RecordProjection"/>: a leaf for the execution strategy (it has no child nodes),
/// written by its projection in one pass when the result is serialized.
/// </summary>
[JsonConverter(typeof(Writer))]
public sealed class RecordProjectionNode(
    ExecutionNode parent, IGraphType graphType, GraphQLField field, FieldType fieldDefinition, int? indexInParentNode, RecordProjection projection)
    : WrittenExecutionNode(parent, graphType, field, fieldDefinition, indexInParentNode)
{
    public RecordProjection Projection => projection;

    public override object? ToValue() => Result is null ? null : this;

    public override void Write(Utf8JsonWriter writer, JsonSerializerOptions options) =>
        projection.Write(writer, (RecordNode)Result!, options);
}
