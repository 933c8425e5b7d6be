using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Gather.Infrastructure.Records;

/// <summary>
/// Form fields arrive as strings. An undeclared value that is written exactly as an integer,
/// a decimal or a boolean is stored as one; anything else stays a string. "Exactly" means the
/// canonical spelling: <c>75</c>, <c>-3</c>, <c>75.5</c>, <c>0.25</c>, <c>true</c>, <c>false</c>;
/// so <c>007</c>, <c>+5</c>, <c>1e3</c>, <c> 75</c>, <c>True</c> and <c>.5</c> stay strings
/// (zip codes and phone numbers keep their leading zeros).
/// </summary>
public static partial class ValueInference
{
    /// <summary>Decimals with more significant digits than a double holds exactly stay strings.</summary>
    private const int MaxSignificantDigits = 15;

    public static JsonNode Infer(string text)
    {
        if (text is "true")
            return JsonValue.Create(true);
        if (text is "false")
            return JsonValue.Create(false);
        if (TryParseInteger(text, out var integer))
            return JsonValue.Create(integer);
        if (TryParseDecimal(text, out var number))
            return ToCanonicalNumber(number);
        return JsonValue.Create(text);
    }

    public static bool TryParseInteger(string text, out long value)
    {
        value = 0;
        return CanonicalInteger().IsMatch(text)
               && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParseDecimal(string text, out double value)
    {
        value = 0;
        if (!CanonicalDecimal().IsMatch(text))
            return false;
        var digits = text.TrimStart('-').Replace(".", "").TrimStart('0');
        return digits.Length <= MaxSignificantDigits
               && double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Integral numbers within range are stored as integers, so 75 and 75.0 are the same value on both stores.</summary>
    public static JsonValue ToCanonicalNumber(double value) =>
        TryGetInteger(value, out var integer) ? JsonValue.Create(integer) : JsonValue.Create(value);

    /// <summary>The integer a double holds exactly, when it is integral and within a long's range.</summary>
    public static bool TryGetInteger(double value, out long integer)
    {
        var integral = Math.Floor(value) == value && value is >= long.MinValue and < long.MaxValue;
        integer = integral ? (long)value : 0;
        return integral;
    }

    [GeneratedRegex("^-?(0|[1-9][0-9]{0,18})$")]
    private static partial Regex CanonicalInteger();

    [GeneratedRegex("^-?(0|[1-9][0-9]*)\\.[0-9]+$")]
    private static partial Regex CanonicalDecimal();
}
