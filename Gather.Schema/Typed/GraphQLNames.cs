using System.Text;

namespace Gather.Schema.Typed;

/// <summary>
/// How model and field names become GraphQL names in a team's typed schema. The rule, stable for
/// a given set of names:
/// <list type="number">
/// <item>Characters outside <c>[A-Za-z0-9_]</c> become <c>_</c>; a name starting with a digit
/// gets a leading <c>_</c>; a name starting with <c>__</c> (GraphQL's own) gets a leading <c>x</c>.</item>
/// <item>Type names start upper case (<c>orders</c> → <c>Orders</c>); field names are kept as
/// synced (<c>stripe_charge_id</c>).</item>
/// <item>A name already taken (by Gather's own types and fields, or by an earlier name in the
/// ordinal order of the originals) gets <c>_2</c>, <c>_3</c>, … in that order.</item>
/// </list>
/// The original name is always in the generated description.
/// </summary>
public static class GraphQLNames
{
    public static string Sanitize(string name)
    {
        var text = new StringBuilder(name.Length + 1);
        foreach (var c in name)
            text.Append(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' ? c : '_');
        if (text.Length == 0 || char.IsAsciiDigit(text[0]))
            text.Insert(0, '_');
        if (text.Length >= 2 && text[0] == '_' && text[1] == '_')
            text.Insert(0, 'x');
        return text.ToString();
    }

    public static string TypeName(string name)
    {
        var sanitized = Sanitize(name);
        return char.IsAsciiLetterLower(sanitized[0]) ? char.ToUpperInvariant(sanitized[0]) + sanitized[1..] : sanitized;
    }

    public static string LowerFirst(string name) => char.IsAsciiLetterUpper(name[0]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;

    /// <summary>The first of <paramref name="wanted"/>, <c>wanted_2</c>, <c>wanted_3</c>, … not in <paramref name="taken"/>; it is then taken.</summary>
    public static string Claim(string wanted, ISet<string> taken)
    {
        var name = wanted;
        for (var n = 2; !taken.Add(name); n++)
            name = $"{wanted}_{n}";
        return name;
    }
}
