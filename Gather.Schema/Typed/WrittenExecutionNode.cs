using System.Text.Json;
using System.Text.Json.Serialization;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Gather.Schema.Typed;

/// <summary>
/// An execution node that writes its own part of the response. graphql-dotnet's JSON writer
/// serializes nodes it does not know (neither value, object nor list nodes) through their
/// <see cref="ToValue"/>, which for these is the node itself, written by <see cref="Writer"/>.
/// </summary>
public abstract class WrittenExecutionNode(
    ExecutionNode parent, IGraphType graphType, GraphQLField field, FieldType fieldDefinition, int? indexInParentNode)
    : ExecutionNode(parent, graphType, field, fieldDefinition, indexInParentNode)
{
    public abstract void Write(Utf8JsonWriter writer, JsonSerializerOptions options);

    /// <summary>Writes any <see cref="WrittenExecutionNode"/>; each node type names it in its <c>[JsonConverter]</c>.</summary>
    public sealed class Writer : JsonConverter<WrittenExecutionNode>
    {
        public override bool CanConvert(Type typeToConvert) => typeof(WrittenExecutionNode).IsAssignableFrom(typeToConvert);

        public override void Write(Utf8JsonWriter writer, WrittenExecutionNode value, JsonSerializerOptions options) => value.Write(writer, options);

        public override WrittenExecutionNode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Execution nodes are only written.");
    }
}
