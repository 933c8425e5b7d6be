using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Gather.Infrastructure.Records;

/// <summary>
/// The rule for synced JSON numbers: a number is stored only if it is stored exactly, since both
/// stores hold numbers as 64-bit integers or doubles and a silent change (9223372036854775808
/// becoming 9223372036854775807, 1e400 becoming infinity) would corrupt the caller's data.
/// <list type="bullet">
/// <item>A number written as an integer (no fraction, no exponent) must fit a signed 64-bit integer.</item>
/// <item>Any other number must be a finite double whose value is the one written: <c>0.1</c>,
/// <c>1.5e3</c> and <c>5e-324</c> pass; <c>1e400</c>, <c>1e-400</c> and
/// <c>9007199254740993.0</c> (which a double cannot hold) do not.</item>
/// </list>
/// A number that fails can always be sent as a string instead.
/// </summary>
public static partial class ExactNumber
{
    /// <summary>The number as it will be stored (canonical: integral values as integers), or null when it cannot be stored exactly.</summary>
    public static JsonValue? Read(string json)
    {
        if (IntegerLiteral().IsMatch(json))
            return long.TryParse(json, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) ? JsonValue.Create(integer) : null;
        if (!double.TryParse(json, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            return null;
        return SameValue(json, number.ToString("R", CultureInfo.InvariantCulture)) ? ValueInference.ToCanonicalNumber(number) : null;
    }

    /// <summary>Why <paramref name="json"/> in <paramref name="field"/> was refused, with the rule and the way out.</summary>
    public static string Problem(string field, string json)
    {
        var shown = json.Length > 40 ? json[..40] + "…" : json;
        return IntegerLiteral().IsMatch(json)
            ? $"Field '{field}' holds the integer {shown}, outside the range stored exactly (-9223372036854775808 to 9223372036854775807); send it as a string to keep every digit."
            : $"Field '{field}' holds the number {shown}, which a 64-bit floating-point value cannot hold exactly (too large, too small or too many digits); send it as a string to keep every digit.";
    }

    /// <summary>Whether two decimal spellings (JSON's grammar, or .NET's "R" with <c>E+</c>) are the same number.</summary>
    private static bool SameValue(string a, string b) => Decompose(a) is { } x && Decompose(b) is { } y
        && (x.Digits.Length == 0 ? y.Digits.Length == 0 : x.Negative == y.Negative && x.Digits == y.Digits && x.Exponent == y.Exponent);

    /// <summary>
    /// The number as sign, significant digits (no leading or trailing zeros) and the exponent of
    /// the first digit; zero has no digits. Null for exponents too large to compare, which no
    /// finite double has.
    /// </summary>
    private static (bool Negative, string Digits, long Exponent)? Decompose(string text)
    {
        var match = Spelling().Match(text);
        if (!match.Success)
            return null;
        var whole = match.Groups["whole"].Value;
        var all = whole + match.Groups["fraction"].Value;
        var leading = all.Length - all.TrimStart('0').Length;
        var digits = all.Trim('0');
        if (digits.Length == 0)
            return (false, "", 0);
        var exponentText = match.Groups["exponent"].Value;
        if (exponentText.TrimStart('+', '-').TrimStart('0').Length > 9)
            return null;
        var exponent = exponentText.Length == 0 ? 0 : long.Parse(exponentText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return (match.Groups["minus"].Success, digits, exponent + whole.Length - leading);
    }

    [GeneratedRegex("^-?[0-9]+$")]
    private static partial Regex IntegerLiteral();

    [GeneratedRegex("^(?<minus>-)?(?<whole>[0-9]+)(\\.(?<fraction>[0-9]+))?([eE](?<exponent>[+-]?[0-9]+))?$")]
    private static partial Regex Spelling();
}
