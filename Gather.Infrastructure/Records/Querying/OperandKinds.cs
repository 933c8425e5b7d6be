using Gather.Infrastructure.Models;
using Gather.Infrastructure.Validation;

namespace Gather.Infrastructure.Records.Querying;

/// <summary>
/// Whether a filter's operands can match a field of a known type. Comparisons are type-aware
/// (<c>gt: "10"</c> never matches an INT), so an operand of the wrong kind would silently match
/// nothing; it is an error naming the type instead (rule <c>type</c>). JSON fields, and paths of
/// no known type, take anything; <c>null</c> always means "no value".
/// </summary>
public static class OperandKinds
{
    public const string Rule = "type";

    /// <summary>The problem with <paramref name="values"/> under <paramref name="op"/> on a field of <paramref name="type"/>, or null.</summary>
    public static ValidationProblem? Check(string at, string operatorName, FieldPath path, FieldType type, FilterOperator op,
        IReadOnlyList<Scalar> values, string modelName)
    {
        if (type == FieldType.Json || op == FilterOperator.Exists)
            return null;
        var typeName = Name(type);
        var isText = type is FieldType.String or FieldType.DateTime;
        if (op is FilterOperator.Contains or FilterOperator.NContains or FilterOperator.StartsWith or FilterOperator.EndsWith)
            return isText ? null : new ValidationProblem(at, Rule,
                $"'{path}' is {typeName} in {modelName}: `{operatorName}` matches text only; compare {typeName} values with {(type == FieldType.Boolean ? "eq or neq" : "eq, gt, gte, lt or lte")}.");
        if (type == FieldType.Boolean && op is FilterOperator.Gt or FilterOperator.Gte or FilterOperator.Lt or FilterOperator.Lte)
            return new ValidationProblem(at, Rule, $"'{path}' is BOOLEAN in {modelName}: `{operatorName}` does not order true and false; use eq or neq.");
        var expected = type switch
        {
            FieldType.Int or FieldType.Float => ScalarKind.Number,
            FieldType.Boolean => ScalarKind.Boolean,
            _ => ScalarKind.String,
        };
        foreach (var value in values)
        {
            if (value.Kind != ScalarKind.Null && value.Kind != expected)
                return new ValidationProblem(at, Rule,
                    $"'{path}' is {typeName} in {modelName}: `{operatorName}` takes {Expected(type)}, not {Given(value)}.");
        }
        return null;
    }

    /// <summary>A type as the API spells it (<c>INT</c>, <c>DATETIME</c>).</summary>
    public static string Name(FieldType type) => type.ToString().ToUpperInvariant();

    private static string Expected(FieldType type) => type switch
    {
        FieldType.Int => "an integer (e.g. 10)",
        FieldType.Float => "a number (e.g. 10.5)",
        FieldType.Boolean => "true or false",
        FieldType.DateTime => "an ISO-8601 string (e.g. \"2026-11-23T10:00:00.000Z\")",
        _ => "a string (e.g. \"paid\")",
    };

    private static string Given(Scalar value) => value.Kind switch
    {
        ScalarKind.String => $"the string {value}",
        ScalarKind.Number => $"the number {value}",
        _ => value.ToString(),
    };
}
