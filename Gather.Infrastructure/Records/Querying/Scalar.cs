using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gather.Infrastructure.Records.Querying;

/// <summary>A JSON scalar in a filter or a cursor: null, a boolean, a number (long or double) or a string.</summary>
public readonly record struct Scalar(ScalarKind Kind, object? Value)
{
    public static readonly Scalar Null = new(ScalarKind.Null, null);

    public static Scalar Of(bool value) => new(ScalarKind.Boolean, value);
    public static Scalar Of(long value) => new(ScalarKind.Number, value);
    public static Scalar Of(double value) => new(ScalarKind.Number, value);
    public static Scalar Of(string value) => new(ScalarKind.String, value);

    /// <summary>The scalar a JSON value holds, or null when it is an object or array.</summary>
    public static Scalar? FromJson(JsonNode? node) => node switch
    {
        null => Null,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => Of(value.GetValue<string>()),
            JsonValueKind.True => Of(true),
            JsonValueKind.False => Of(false),
            JsonValueKind.Number => value.TryGetValue<long>(out var l) ? Of(l)
                : value.TryGetValue<double>(out var d) ? NumberOf(d)
                : Of(double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture)),
            JsonValueKind.Null => Null,
            _ => null,
        },
        _ => null,
    };

    /// <summary>Numbers are canonical: integral values within range are longs, so 75 and 75.0 are one value.</summary>
    public static Scalar NumberOf(double value) =>
        ValueInference.TryGetInteger(value, out var integer) ? Of(integer) : Of(value);

    public JsonNode? ToJson() => Value switch
    {
        null => null,
        bool b => JsonValue.Create(b),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        string s => JsonValue.Create(s),
        _ => throw new InvalidOperationException($"Unexpected scalar {Value.GetType()}."),
    };

    public double AsDouble() => Value is long l ? l : (double)Value!;

    public override string ToString() => ToJson()?.ToJsonString() ?? "null";
}

public enum ScalarKind
{
    Null,
    Boolean,
    Number,
    String,
}
