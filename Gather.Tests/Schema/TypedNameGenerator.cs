using System.Text;

namespace Gather.Tests.Schema;

/// <summary>
/// Model, field and relationship names as a hostile or merely creative client might send them:
/// unicode of every awkward kind, punctuation, leading digits, names with nothing usable left,
/// GraphQL's reserved and introspection names, Gather's own type and root field names and what
/// Gather derives from a model's name, case variants of each other, and names up to the longest
/// the API accepts. Seeded, so a failure replays.
/// </summary>
public sealed class TypedNameGenerator(int seed, IReadOnlyCollection<string> gathersNames)
{
    private readonly Random _random = new(seed);
    private readonly List<string> _sent = [];

    private static readonly string[] Unicode =
    [
        "é", "e\u0301", "\u0301", "\u0308\u0308", "Å", "ß", "ø", "Ω", "и", "名前", "数据", "א", "שלום", "مرحبا", "\u200F", "\u202E", "\u200D",
        "😀", "👍🏽", "👩‍💻", "🇩🇪", "\uD800", "\uDC00", "\uDBFF\uDBFF", "\u0000", "\u0007", "\t", "\n", "\u00A0", "\u3000", "\uFEFF", "\uFFFD",
        "ﬁ", "Ⅻ", "①", "𝔘", "İ", "ı",
    ];

    private static readonly string[] Reserved =
    [
        "__schema", "__typename", "__type", "__Type", "__Schema", "_", "__", "___", "id", "Id", "ID", "createdAt", "updatedAt", "and", "or",
        "stripeCharge", "node", "nodes", "edges", "pageInfo", "totalCount", "where", "order", "Query", "Mutation", "Subscription",
        "String", "Int", "Float", "Boolean", "DateTime", "JSON", "Long", "true", "false", "null",
    ];

    private static readonly string[] Suffixes = ["Connection", "Edge", "FilterInput", "SortInput", "ById", "s", "_2", "2"];

    /// <summary>A name of at most <paramref name="maxLength"/> UTF-16 units (never empty: the API refuses empty names).</summary>
    public string Next(int maxLength)
    {
        var name = _random.Next(10) switch
        {
            0 => Pick(Reserved),
            1 => gathersNames.ElementAt(_random.Next(gathersNames.Count)),
            2 when _sent.Count > 0 => Pick(_sent) + Pick(Suffixes),
            3 when _sent.Count > 0 => CaseVariant(Pick(_sent)),
            4 => Long(maxLength),
            _ => Mixed(),
        };
        name = name.Length > maxLength ? name[..maxLength] : name;
        if (name.Length == 0)
            name = "x";
        _sent.Add(name);
        return name;
    }

    private string Mixed()
    {
        var text = new StringBuilder();
        for (var parts = _random.Next(1, 6); parts > 0; parts--)
        {
            text.Append(_random.Next(6) switch
            {
                0 => Pick(Unicode),
                1 => ((char)_random.Next(33, 127)).ToString(), // any ASCII punctuation, letter or digit
                2 => _random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                3 => " ",
                _ => Pick(["order", "Line", "amount", "Total", "x", "Record", "account", "customer", "items", "_"]),
            });
        }
        return text.ToString();
    }

    private string Long(int maxLength)
    {
        var text = new StringBuilder();
        while (text.Length < maxLength)
            text.Append(_random.Next(3) == 0 ? Pick(Unicode) : Pick(["a", "B", "-", "*", "9", " ", "_"]));
        return text.ToString();
    }

    private string CaseVariant(string name) =>
        new(name.Select(c => _random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)).ToArray());

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
