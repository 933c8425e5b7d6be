using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Gather.Infrastructure.Validation;

/// <summary>
/// Whether bytes are valid UTF-8, and where they stop being. Text Gather stores or signs must be
/// exactly what was sent: a decoder that swaps bad bytes for U+FFFD would store something else
/// than the caller meant, and one that throws later would turn the caller's mistake into a 500.
/// UTF-8 that encodes a surrogate (ED A0 80 for U+D800) is invalid too.
/// </summary>
public static class Utf8Text
{
    /// <summary>Null when <paramref name="bytes"/> are valid UTF-8; otherwise what is wrong and where, for an error message.</summary>
    public static string? Problem(ReadOnlySpan<byte> bytes, string what)
    {
        if (Utf8.IsValid(bytes))
            return null;
        var offset = 0;
        while (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) == OperationStatus.Done)
            offset += consumed;
        var shown = Convert.ToHexString(bytes.Slice(offset, Math.Min(4, bytes.Length - offset)));
        return $"{what} is not valid UTF-8: the bytes at offset {offset.ToString(CultureInfo.InvariantCulture)} (0x{shown}) are not a "
               + "complete UTF-8 character (a surrogate encoded as UTF-8 is not one either); send the text as UTF-8.";
    }
}
