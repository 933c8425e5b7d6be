using System.Text.Json;
using Gather.Schema.Common;
using GraphQL;
using ModelFieldType = Gather.Infrastructure.Models.FieldType;

namespace Gather.Schema.Typed;

/// <summary>
/// A typed field whose stored value is not of the field's type: a record synced before the
/// field's type was settled, or before the team declared another type. The field reads as null
/// with this error at its path, never as a silent null; <c>extensions.field</c> names the synced
/// field and <c>extensions.expectedType</c> its type.
/// </summary>
public sealed class StoredValueError : ExecutionError
{
    public StoredValueError(string path, ModelFieldType expected, JsonValueKind found)
        : base($"The stored value of field '{path}' is {Describe(found, expected)}, not {Article(expected)}: the record holds a value " +
               "stored before the field's type was settled or declared. Sync the record again with a value of that type, " +
               "or declare the field JSON with declareModelFields to read any value.")
    {
        Code = ErrorCodes.StoredValueMismatch;
        Field = path;
        ExpectedType = TypeName(expected);
    }

    public string Field { get; }

    public string ExpectedType { get; }

    private static string TypeName(ModelFieldType type) => type.ToString().ToUpperInvariant();

    private static string Article(ModelFieldType type) => type switch
    {
        ModelFieldType.Int => "an INT (a 32-bit integer)",
        ModelFieldType.Float => "a FLOAT",
        ModelFieldType.DateTime => "a DATETIME (an ISO-8601 date and time)",
        _ => "a " + TypeName(type),
    };

    private static string Describe(JsonValueKind found, ModelFieldType expected) => found switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number when expected == ModelFieldType.Int => "a number that is not a 32-bit integer",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        _ => "of another kind",
    };
}
