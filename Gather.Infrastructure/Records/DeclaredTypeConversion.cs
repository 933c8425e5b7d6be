using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gather.Infrastructure.Models;

namespace Gather.Infrastructure.Records;

/// <summary>
/// Converts a synced value to its field's declared type, or says why it cannot. Strings that
/// spell a value of the type are accepted (form fields are always strings).
/// </summary>
public static partial class DeclaredTypeConversion
{
    public const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>The converted value, or null with a message when the value does not fit the type.</summary>
    public static JsonNode? Convert(JsonValue value, FieldType type, out string? problem)
    {
        problem = null;
        var kind = value.GetValueKind();
        var text = kind == JsonValueKind.String ? value.GetValue<string>() : null;
        switch (type)
        {
            case FieldType.String:
                if (text is not null) return JsonValue.Create(text);
                if (kind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                    return JsonValue.Create(value.ToJsonString());
                break;
            case FieldType.Int:
                if (kind == JsonValueKind.Number && value.TryGetValue<long>(out var l)) return JsonValue.Create(l);
                if (kind == JsonValueKind.Number && value.TryGetValue<double>(out var d) && ValueInference.TryGetInteger(d, out l))
                    return JsonValue.Create(l);
                if (text is not null && ValueInference.TryParseInteger(text, out l)) return JsonValue.Create(l);
                break;
            case FieldType.Float:
                if (kind == JsonValueKind.Number && value.TryGetValue<long>(out l)) return JsonValue.Create(l);
                if (kind == JsonValueKind.Number) return ValueInference.ToCanonicalNumber(value.GetValue<double>());
                if (text is not null && ValueInference.TryParseInteger(text, out l)) return JsonValue.Create(l);
                if (text is not null && ValueInference.TryParseDecimal(text, out d)) return ValueInference.ToCanonicalNumber(d);
                break;
            case FieldType.Boolean:
                if (kind is JsonValueKind.True or JsonValueKind.False) return JsonValue.Create(kind == JsonValueKind.True);
                if (text is "true" or "false") return JsonValue.Create(text == "true");
                break;
            case FieldType.DateTime:
                if (text is not null && IsoDate().IsMatch(text)
                    && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                    return JsonValue.Create(at.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture));
                problem = "must be an ISO-8601 date and time, e.g. 2026-11-23T10:00:00Z";
                return null;
            case FieldType.Json:
                return value.DeepClone();
        }
        problem = type switch
        {
            FieldType.String => "must be a string",
            FieldType.Int => "must be an integer",
            FieldType.Float => "must be a number",
            FieldType.Boolean => "must be true or false",
            _ => $"must be of type {type}",
        };
        return null;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?)?$")]
    private static partial Regex IsoDate();
}
