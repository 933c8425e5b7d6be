using System.Text;

namespace Gather.Infrastructure.Records;

/// <summary>
/// The three-character pieces (trigrams) that let an index find search candidates: a term can
/// only be inside a record's folded text if every trigram of the term is among the text's.
/// Characters are counted as code points (a lone surrogate counts as the U+FFFD that UTF-8
/// stores for it), as SQLite's trigram tokenizer counts them. The index only narrows the
/// candidates; the exact substring check in <see cref="SearchText"/> still decides.
/// </summary>
public static class SearchGrams
{
    public const int Length = 3;

    /// <summary>
    /// The distinct trigrams of a folded text. Trigrams holding whitespace are left out: a term
    /// never holds whitespace (<see cref="SearchText.Terms"/> splits on it), so none would be asked for.
    /// </summary>
    public static IReadOnlyList<string> OfText(string folded) => Windows(folded).Where(g => !g.Any(char.IsWhiteSpace)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The distinct trigrams of one folded term; none when it is shorter than three characters.</summary>
    public static IReadOnlyList<string> OfTerm(string term) => Windows(term).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>How many characters (code points) <paramref name="value"/> holds.</summary>
    public static int Characters(string value) => value.EnumerateRunes().Count();

    private static IEnumerable<string> Windows(string value)
    {
        var runes = value.EnumerateRunes().ToArray();
        var gram = new StringBuilder(Length * 2);
        for (var start = 0; start + Length <= runes.Length; start++)
        {
            gram.Clear();
            for (var i = start; i < start + Length; i++)
                gram.Append(runes[i].ToString());
            yield return gram.ToString();
        }
    }
}
