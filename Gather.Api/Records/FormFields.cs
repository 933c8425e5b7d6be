using System.Globalization;
using System.Text;
using Gather.Infrastructure.Validation;

namespace Gather.Api.Records;

/// <summary>
/// Reads an <c>application/x-www-form-urlencoded</c> body strictly: names and values are
/// %-decoded to bytes and those bytes must be UTF-8, so <c>%ED%A0%80</c> (a surrogate) or
/// <c>%C3%28</c> is refused rather than stored altered. ASP.NET's form reader leaves such
/// sequences %-encoded, and stores text the caller did not send. A <c>%</c> not followed by two
/// hex digits stays as written, as curl users expect.
/// </summary>
public static class FormFields
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The fields in order, or null with the problem.</summary>
    public static List<(string Name, string Value)>? Read(ReadOnlySpan<byte> body, out string? problem)
    {
        problem = Utf8Text.Problem(body, "The form body");
        if (problem is not null)
            return null;
        var fields = new List<(string, string)>();
        var number = 0;
        foreach (var range in body.Split((byte)'&'))
        {
            var pair = body[range];
            if (pair.IsEmpty)
                continue;
            number++;
            var equals = pair.IndexOf((byte)'=');
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = Decode(equals < 0 ? ReadOnlySpan<byte>.Empty : pair[(equals + 1)..]);
            if (name is null || value is null)
            {
                problem = $"Form field {number.ToString(CultureInfo.InvariantCulture)} ('{Shown(pair)}') is not valid UTF-8 once %-decoded "
                          + "(a %-encoded surrogate such as %ED%A0%80 is not UTF-8 either); %-encode the field's UTF-8 bytes.";
                return null;
            }
            fields.Add((name, value));
        }
        return fields;
    }

    private static string? Decode(ReadOnlySpan<byte> encoded)
    {
        var bytes = new byte[encoded.Length];
        var length = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b == '+')
                b = (byte)' ';
            else if (b == '%' && i + 2 < encoded.Length && HexValue(encoded[i + 1]) is >= 0 and var high && HexValue(encoded[i + 2]) is >= 0 and var low)
            {
                b = (byte)(high * 16 + low);
                i += 2;
            }
            bytes[length++] = b;
        }
        try
        {
            return Strict.GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    private static string Shown(ReadOnlySpan<byte> pair)
    {
        var text = Encoding.UTF8.GetString(pair);
        return text.Length > 40 ? text[..40] + "…" : text;
    }
}
