using System.Text;

namespace Gather.Bench;

/// <summary>
/// The documents a hostile tenant sends: each small on the wire and expensive for a server that
/// validates or executes before counting. Every one must be refused before work is done.
/// </summary>
public static class HostileDocuments
{
    /// <summary>Same-name fields with different arguments: quadratic for the overlapping-fields rule.</summary>
    public static string SameNameFields(int count) =>
        "query($m: ID!) { " + string.Concat(Enumerable.Range(1, count).Select(i => $"records(modelId: $m, first: {i}) {{ totalCount }} ")) + "}";

    /// <summary>Each fragment spreads the previous one twice: 2^depth selections in a few hundred bytes.</summary>
    public static string FragmentBomb(int depth)
    {
        var text = new StringBuilder("query { ...F").Append(depth).Append(" }\n");
        text.Append("fragment F0 on Query { viewer { scopes } }\n");
        for (var i = 1; i <= depth; i++)
            text.Append($"fragment F{i} on Query {{ ...F{i - 1} a{i}: viewer {{ ...V{i} }} }}\n");
        for (var i = 1; i <= depth; i++)
            text.Append($"fragment V{i} on Viewer {{ scopes }}\n");
        return text.ToString();
    }

    /// <summary>One selection repeated: cheap to send, each copy merged and resolved.</summary>
    public static string IdenticalSelections(int count) =>
        "{ viewer { " + string.Concat(Enumerable.Repeat("scopes ", count)) + "} }";

    /// <summary>Aliases of a full schema introspection.</summary>
    public static string IntrospectionAliases(int count) =>
        "{ " + string.Concat(Enumerable.Range(0, count).Select(i =>
            $"s{i}: __schema {{ types {{ name fields {{ name args {{ name type {{ name ofType {{ name }} }} }} type {{ name ofType {{ name }} }} }} }} }} ")) + "}";

    /// <summary>Selections nested past the parser's own depth limit.</summary>
    public static string DeepNesting(int levels) =>
        "{ " + string.Concat(Enumerable.Repeat("viewer { ", levels)) + "scopes" + new string('}', levels) + " }";

    /// <summary>The set the benchmark sends, each with the size the abuse reports used.</summary>
    public static IReadOnlyList<(string Name, string Document)> All { get; } =
    [
        ("1,000 same-name fields", SameNameFields(1_000)),
        ("2,000 same-name fields", SameNameFields(2_000)),
        ("fragment bomb, 24 levels", FragmentBomb(24)),
        ("10,000 identical selections", IdenticalSelections(10_000)),
        ("400 introspection aliases", IntrospectionAliases(400)),
        ("nesting 70 levels", DeepNesting(70)),
    ];
}
