using System.Text.Json;
using System.Text.Json.Serialization;
using Gather.Schema.Records;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Gather.Schema.Typed;

/// <summary>
/// A typed record in the execution tree whose whole selection is a <see cref="RecordProjection"/>:
/// a leaf for the execution strategy (it has no child nodes), written by its projection when the
/// result is serialized. graphql-dotnet's JSON writer serializes nodes it does not know through
/// their <see cref="ToValue"/>, which is the node itself, written by <see cref="Writer"/>.
/// </summary>
[JsonConverter(typeof(Writer))]
public sealed class RecordProjectionNode(
    ExecutionNode parent, IGraphType graphType, GraphQLField field, FieldType fieldDefinition, int? indexInParentNode, RecordProjection projection)
    : ExecutionNode(parent, graphType, field, fieldDefinition, indexInParentNode)
{
    public RecordProjection Projection { get; } = projection;

    public override object? ToValue() => Result is null ? null : this;

    private sealed class Writer : JsonConverter<RecordProjectionNode>
    {
        public override void Write(Utf8JsonWriter writer, RecordProjectionNode value, JsonSerializerOptions options) =>
            value.Projection.Write(writer, (RecordNode)value.Result!, options);

        public override RecordProjectionNode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Execution nodes are only written.");
    }
}
