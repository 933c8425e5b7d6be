using System.Globalization;
using System.Text;

namespace Gather.Schema.Typed;

/// <summary>
/// How model, field and relationship names become GraphQL names in a team's typed schema. Every
/// name a client can send gets a valid one (<c>[_A-Za-z][_0-9A-Za-z]*</c>, never starting with
/// <c>__</c>), and the same set of names always gets the same result:
/// <list type="number">
/// <item>Letters, digits and <c>_</c> are kept. Spaces and <c>- . , ; : ' " ` ( ) [ ] { }</c> end
/// a word, and the next word starts upper case (<c>Order Lines</c> → <c>OrderLines</c>,
/// <c>unit price</c> → <c>unitPrice</c>).</item>
/// <item>Other ASCII punctuation is spelled as a word (<c>*</c> → <c>star</c>, <c>+</c> → <c>plus</c>,
/// <c>a+b</c> → <c>aPlusB</c>); accented letters lose their accent (<c>café</c> → <c>cafe</c>); any
/// other character is its code point as a word (<c>€</c> → <c>u20AC</c>, <c>😀</c> → <c>u1F600</c>).</item>
/// <item>A name starting with a digit gets a leading <c>_</c>; one starting with <c>__</c>
/// (GraphQL's own) gets a leading <c>x</c>; a name with nothing left spells every character.</item>
/// <item>Type names start upper case; root fields are the type name, and field names their words,
/// starting lower case (<c>Plan</c> → <c>plan</c>, <c>ID</c> → <c>id</c>).</item>
/// </list>
/// Clashes are settled by <see cref="Claim"/> in an order that depends only on the names; within a
/// typed type, in <see cref="TypedFieldNames"/>' order, which keeps names stable across syncs.
/// </summary>
public static class GraphQLNames
{
    private static readonly Dictionary<char, string> Spelled = new()
    {
        ['*'] = "star", ['+'] = "plus", ['#'] = "hash", ['%'] = "percent", ['&'] = "and", ['@'] = "at", ['$'] = "dollar",
        ['='] = "equals", ['<'] = "lt", ['>'] = "gt", ['!'] = "bang", ['?'] = "question", ['/'] = "slash", ['\\'] = "backslash",
        ['|'] = "pipe", ['~'] = "tilde", ['^'] = "caret",
    };

    private const string Separators = " -.,;:'\"`()[]{}";

    /// <summary>A field's GraphQL name: <c>placed_at</c> stays, <c>unit price</c> is <c>unitPrice</c>, <c>*</c> is <c>star</c>, <c>ID</c> is <c>id</c>.</summary>
    public static string FieldName(string name) => Finished(LowerFirst(Joined(name)), 'x');

    /// <summary>A model's type name: its words joined, starting upper case (<c>order lines</c> → <c>OrderLines</c>).</summary>
    public static string TypeName(string name) => Finished(UpperFirst(Joined(name)), 'X');

    /// <summary>
    /// A name starting lower case, as GraphQL fields do (<c>OrderLines</c> → <c>orderLines</c>,
    /// <c>ID</c> → <c>id</c>, <c>URLPath</c> → <c>urlPath</c>). graphql-dotnet lowers the first
    /// letter of every field name it is given, so a name must already start lower case to be
    /// the name the schema shows (and to clash where the schema would clash).
    /// </summary>
    public static string LowerFirst(string name)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length && char.IsAsciiLetterUpper(chars[i]); i++)
        {
            // In a leading acronym, the last capital before a lower-case letter starts the next word.
            if (i > 0 && i + 1 < chars.Length && char.IsAsciiLetterLower(chars[i + 1]))
                break;
            chars[i] = char.ToLowerInvariant(chars[i]);
        }
        return new string(chars);
    }

    private static string UpperFirst(string name) => name.Length > 0 && char.IsAsciiLetterLower(name[0]) ? char.ToUpperInvariant(name[0]) + name[1..] : name;

    /// <summary>The name's words, each after the first starting upper case; every character spelled if no word is left.</summary>
    private static string Joined(string name)
    {
        var words = Words(name, escapeAll: false);
        if (words.Count == 0)
            words = Words(name, escapeAll: true);
        return words.Count == 0 ? "unnamed" : words[0] + string.Concat(words.Skip(1).Select(UpperFirst));
    }

    /// <summary>A leading digit gets a <c>_</c>; a leading <c>__</c>, which GraphQL keeps for itself, gets <paramref name="prefix"/>.</summary>
    private static string Finished(string name, char prefix) =>
        char.IsAsciiDigit(name[0]) ? "_" + name : name.StartsWith("__", StringComparison.Ordinal) ? prefix + name : name;

    /// <summary>
    /// The first of <paramref name="wanted"/>, <c>wanted_2</c>, <c>wanted_3</c>, … that is free with
    /// each of <paramref name="suffixes"/> appended (e.g. a type and its <c>Connection</c>); all of
    /// them are then taken. Without suffixes, the name alone.
    /// </summary>
    public static string Claim(string wanted, ISet<string> taken, params string[] suffixes)
    {
        string[] group = suffixes.Length == 0 ? [""] : suffixes;
        var name = wanted;
        for (var n = 2; group.Any(s => taken.Contains(name + s)); n++)
            name = wanted.EndsWith('_') ? $"{wanted}{n}" : $"{wanted}_{n}";
        foreach (var suffix in group)
            taken.Add(name + suffix);
        return name;
    }

    /// <summary>
    /// The order in which names claim: those that are already the GraphQL name they ask for first
    /// (so a plain <c>status</c> never yields to an odd newcomer), then by the original name.
    /// </summary>
    public static IOrderedEnumerable<T> InClaimOrder<T>(IEnumerable<T> items, Func<T, string> original, Func<string, string> normalise) =>
        items.OrderBy(i => normalise(original(i)) == original(i) ? 0 : 1).ThenBy(original, StringComparer.Ordinal);

    private static List<string> Words(string name, bool escapeAll)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        void End()
        {
            if (word.Length > 0)
                words.Add(word.ToString());
            word.Clear();
        }
        for (var i = 0; i < name.Length;)
        {
            var status = Rune.DecodeFromUtf16(name.AsSpan(i), out var rune, out var consumed);
            // A lone surrogate is escaped as the code unit it is, so two different ones stay apart.
            var value = status == System.Buffers.OperationStatus.Done ? rune.Value : name[i];
            i += Math.Max(consumed, 1);
            if (escapeAll)
            {
                End();
                words.Add(Escaped(value));
            }
            else if (value < 128 && (char.IsAsciiLetterOrDigit((char)value) || value == '_'))
                word.Append((char)value);
            else if (value < 128 && Separators.Contains((char)value) || value < 128 && char.IsWhiteSpace((char)value))
                End();
            else if (value < 128 && Spelled.TryGetValue((char)value, out var spelled))
            {
                End();
                words.Add(spelled);
            }
            else if (status == System.Buffers.OperationStatus.Done && Folded(rune, afterLetter: word.Length > 0) is { } folded)
                word.Append(folded);
            else if (status == System.Buffers.OperationStatus.Done && Rune.IsWhiteSpace(rune))
                End();
            else
            {
                End();
                words.Add(Escaped(value));
            }
        }
        End();
        return words;
    }

    /// <summary>
    /// An accented letter as its ASCII letter (<c>é</c> → <c>e</c>); a combining mark after a kept
    /// letter as nothing (it only accents that letter). Otherwise null: the character is escaped.
    /// </summary>
    private static string? Folded(Rune rune, bool afterLetter)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            return afterLetter ? "" : null;
        if (!Rune.IsLetter(rune))
            return null;
        var decomposed = rune.ToString().Normalize(NormalizationForm.FormD);
        return char.IsAsciiLetter(decomposed[0]) && decomposed.Skip(1).All(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            ? decomposed[..1]
            : null;
    }

    private static string Escaped(int value) => "u" + value.ToString("X4", CultureInfo.InvariantCulture);
}
