using System.Globalization;
using System.Text.Json;

namespace Gather.Infrastructure.Validation;

/// <summary>
/// Checks JSON text before it is parsed into values: valid UTF-8, no lone surrogate escapes
/// (<c>"\ud800"</c>, which System.Text.Json accepts when parsing and throws on when the string is
/// read), and no object naming a member twice (which value would win differs between parsers, so
/// such a body means two things). One forward pass without allocating the values.
/// </summary>
public static class JsonTextCheck
{
    /// <summary>Null when the text passes; otherwise a message naming the problem and its byte offset.</summary>
    public static string? Problem(ReadOnlySpan<byte> json, string what)
    {
        if (Utf8Text.Problem(json, what) is { } notUtf8)
            return notUtf8;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        // Member names seen per open object; arrays hold a null so that the stack mirrors the nesting.
        var names = new Stack<HashSet<string>?>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        names.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.StartArray:
                        names.Push(null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        names.Pop();
                        break;
                    case JsonTokenType.PropertyName or JsonTokenType.String:
                        if (reader.ValueIsEscaped && LoneSurrogate(reader.ValueSpan) is { } surrogate)
                            return $"{what} holds a lone UTF-16 surrogate escape (\\u{surrogate}) at byte {At(reader)}; "
                                   + "a surrogate escape must be a high one (\\ud800-\\udbff) followed by a low one (\\udc00-\\udfff).";
                        if (reader.TokenType == JsonTokenType.PropertyName && !names.Peek()!.Add(reader.GetString()!))
                            return $"{what} names member '{reader.GetString()}' more than once in the same object (at byte {At(reader)}); "
                                   + "give each member once.";
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            return $"{what} is not valid JSON: {e.Message}";
        }
        return null;
    }

    private static string At(in Utf8JsonReader reader) => reader.TokenStartIndex.ToString(CultureInfo.InvariantCulture);

    /// <summary>The first surrogate escape in a raw (still escaped) JSON string that is not part of a pair, as four hex digits.</summary>
    private static string? LoneSurrogate(ReadOnlySpan<byte> raw)
    {
        for (var i = 0; i < raw.Length - 1; i++)
        {
            if (raw[i] != '\\')
                continue;
            if (raw[i + 1] != 'u')
            {
                i++; // a two-character escape such as \" or \\
                continue;
            }
            var unit = CodeUnit(raw, i + 2);
            if (unit is >= 0xDC00 and <= 0xDFFF)
                return unit.ToString("x4", CultureInfo.InvariantCulture);
            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                var next = i + 6 < raw.Length - 1 && raw[i + 6] == '\\' && raw[i + 7] == 'u' ? CodeUnit(raw, i + 8) : -1;
                if (next is < 0xDC00 or > 0xDFFF)
                    return unit.ToString("x4", CultureInfo.InvariantCulture);
                i += 6; // the pair's low half is consumed with it
            }
            i += 5;
        }
        return null;
    }

    /// <summary>The four hex digits at <paramref name="start"/> as a number (the reader has already checked they are hex).</summary>
    private static int CodeUnit(ReadOnlySpan<byte> raw, int start) =>
        int.Parse(raw.Slice(start, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
}
