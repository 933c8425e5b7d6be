using System.Text.Json;
using System.Text.Json.Nodes;
using Gather.Schema.Records;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Gather.Schema.Typed;

/// <summary>
/// Resolves a field of a typed record straight from the stored record: its id, timestamps or a
/// synced field. Such a field needs nothing but the record, so a selection made only of them
/// can be written without executing each field (<see cref="RecordProjection"/>), through
/// <see cref="Write"/>, which must write what executing the field would have written.
/// </summary>
/// <remarks>
/// Written out rather than as a lambda resolver: graphql-dotnet's generic lambda resolvers wrap
/// each call's context in an adapter first, and a typed page resolves every selected field of
/// every record.
/// </remarks>
public class RecordValueResolver(Func<RecordNode, object?> read) : IFieldResolver
{
    public object? Read(RecordNode node) => read(node);

    public ValueTask<object?> ResolveAsync(IResolveFieldContext context) => new(Read((RecordNode)context.Source!));

    /// <summary>Writes the field's value as its scalar serializes it.</summary>
    public void Write(Utf8JsonWriter writer, RecordNode node, ScalarGraphType scalar, JsonSerializerOptions options) =>
        WriteSerialized(writer, scalar.Serialize(Read(node)), options);

    /// <summary>Writes a scalar's serialized value as graphql-dotnet's JSON writer does.</summary>
    protected static void WriteSerialized(Utf8JsonWriter writer, object? value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case int n: writer.WriteNumberValue(n); break;
            case long n: writer.WriteNumberValue(n); break;
            case double d: writer.WriteNumberValue(d); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case DateTimeOffset at: writer.WriteStringValue(at); break;
            case JsonNode json: json.WriteTo(writer, options); break;
            default: JsonSerializer.Serialize(writer, value, options); break;
        }
    }
}
