using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Gather.Schema.Common;

/// <summary>
/// Any JSON value, named <c>JSON</c> as HotChocolate names it. Inputs become
/// <see cref="JsonNode"/>s whether written inline or passed in variables; outputs are written as JSON.
/// </summary>
public sealed class JsonScalarType : ScalarGraphType
{
    public JsonScalarType()
    {
        Name = "JSON";
        Description = "Any JSON value: an object, a list, a string, a number, a boolean or null.";
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue s => JsonValue.Create((string)s.Value),
        GraphQLBooleanValue b => JsonValue.Create(b.BoolValue),
        GraphQLIntValue i => long.TryParse(i.Value.Span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
            ? JsonValue.Create(l) : JsonValue.Create(double.Parse(i.Value.Span, CultureInfo.InvariantCulture)),
        GraphQLFloatValue f => JsonValue.Create(double.Parse(f.Value.Span, NumberStyles.Float, CultureInfo.InvariantCulture)),
        GraphQLEnumValue e => JsonValue.Create(e.Name.StringValue),
        GraphQLListValue list => new JsonArray((list.Values ?? []).Select(ParseLiteral).Cast<JsonNode?>().ToArray()),
        GraphQLObjectValue obj => ToObject((obj.Fields ?? []).Select(f => (f.Name.StringValue, ParseLiteral(f.Value)))),
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int or long or short or sbyte or byte or uint or ushort => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        ulong or BigInteger or decimal or double or float => JsonValue.Create(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        IDictionary<string, object?> map => ToObject(map.Select(p => (p.Key, ParseValue(p.Value)))),
        IEnumerable list => new JsonArray(list.Cast<object?>().Select(ParseValue).Cast<JsonNode?>().ToArray()),
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        JsonNode node => node,
        _ => JsonSerializer.SerializeToNode(value),
    };

    private static JsonObject ToObject(IEnumerable<(string Name, object? Value)> members)
    {
        var obj = new JsonObject();
        foreach (var (name, member) in members)
            obj[name] = (JsonNode?)member;
        return obj;
    }
}
