using System.Text.RegularExpressions;
using Gather.Tests.Docs;

namespace Gather.Tests.Architecture;

/// <summary>
/// Which areas of a project's namespaces use which, read from its sources: a file uses a namespace
/// when it imports it (<c>using</c>), names a type through it (<c>Gather.Infrastructure.X.Type</c>),
/// or names a type of an enclosing namespace, which C# lets it see without a <c>using</c>.
/// Comments and strings are left out, so a <c>cref</c> or a message counts only with its <c>using</c>.
/// </summary>
public sealed partial class NamespaceGraph
{
    private readonly Dictionary<(string From, string To), SortedSet<string>> _uses = [];

    private NamespaceGraph(string rootNamespace) => RootNamespace = rootNamespace;

    public string RootNamespace { get; }

    /// <summary>The files of <c>From</c> that use <c>To</c>, for each pair of areas where one uses the other.</summary>
    public IReadOnlyDictionary<(string From, string To), SortedSet<string>> Uses => _uses;

    /// <summary>Pairs of areas that use each other, each once, in order.</summary>
    public IReadOnlyList<(string A, string B)> TwoWayCycles() =>
        _uses.Keys.Where(k => string.CompareOrdinal(k.From, k.To) < 0 && _uses.ContainsKey((k.To, k.From)))
            .OrderBy(k => k.From, StringComparer.Ordinal).ThenBy(k => k.To, StringComparer.Ordinal)
            .ToList();

    /// <summary>A cycle with the files that make each direction, for a failure message.</summary>
    public string Describe((string A, string B) cycle) =>
        $"{cycle.A} <-> {cycle.B}\n" +
        $"    {cycle.A} -> {cycle.B}: {string.Join(", ", _uses[(cycle.A, cycle.B)])}\n" +
        $"    {cycle.B} -> {cycle.A}: {string.Join(", ", _uses[(cycle.B, cycle.A)])}";

    /// <summary>
    /// An area is a namespace: a feature (<c>Models</c>), the layer above its store
    /// (<c>Models.Operations</c>), a storage adapter (<c>Storage.Sqlite</c>). A record query is part of
    /// the records it reads (the records' port answers both), so <c>Records.Querying</c> is in <c>Records</c>.
    /// </summary>
    public string AreaOf(string ns)
    {
        if (ns == RootNamespace)
            return "(root)";
        var area = ns[(RootNamespace.Length + 1)..];
        return area == "Records.Querying" ? "Records" : area;
    }

    /// <summary>Reads every C# source of <paramref name="project"/> (a folder of the repository), outside bin/ and obj/.</summary>
    public static NamespaceGraph Read(string project)
    {
        var folder = RepositoryFiles.PathOf(project);
        var sources = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar)
                .Any(p => p is "bin" or "obj"))
            .Select(f => Source.Parse(Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToList();

        var graph = new NamespaceGraph(project);
        var typesByNamespace = sources.GroupBy(s => s.Namespace)
            .ToDictionary(g => g.Key, g => g.SelectMany(s => s.DeclaredTypes).ToHashSet(StringComparer.Ordinal));
        var known = typesByNamespace.Keys.OrderByDescending(n => n.Length).ToList();

        foreach (var source in sources)
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in source.QualifiedNames)
                if (known.FirstOrDefault(n => name == n || name.StartsWith(n + ".", StringComparison.Ordinal)) is { } ns)
                    used.Add(ns);
            foreach (var enclosing in Enclosing(source.Namespace))
                if (typesByNamespace.TryGetValue(enclosing, out var types) && types.Overlaps(source.Identifiers))
                    used.Add(enclosing);

            var from = graph.AreaOf(source.Namespace);
            var areas = used.Where(n => n.StartsWith(project, StringComparison.Ordinal)).Select(graph.AreaOf);
            foreach (var to in areas.Where(a => a != from))
            {
                if (!graph._uses.TryGetValue((from, to), out var files))
                    graph._uses[(from, to)] = files = new SortedSet<string>(StringComparer.Ordinal);
                files.Add(source.Path);
            }
        }
        return graph;
    }

    private static IEnumerable<string> Enclosing(string ns)
    {
        for (var dot = ns.LastIndexOf('.'); dot > 0; dot = ns.LastIndexOf('.', dot - 1))
            yield return ns[..dot];
    }

    /// <summary>What one file declares and names.</summary>
    private sealed record Source(string Path, string Namespace, IReadOnlyList<string> DeclaredTypes,
        IReadOnlyList<string> QualifiedNames, IReadOnlySet<string> Identifiers)
    {
        public static Source Parse(string path, string text)
        {
            var code = CommentsAndStrings().Replace(text, m => m.Value[0] is '"' or '@' or '$' ? "\"\"" : " ");
            var ns = FileNamespace().Match(code) is { Success: true } m
                ? m.Groups["ns"].Value
                : throw new InvalidOperationException($"{path} declares no namespace.");
            var imports = Imports().Matches(code).Select(i => i.Groups["name"].Value);
            var body = Imports().Replace(FileNamespace().Replace(code, ""), "");
            return new Source(path, ns,
                TypeDeclaration().Matches(code).Select(t => t.Groups["name"].Value).ToList(),
                [.. imports, .. QualifiedName().Matches(body).Select(q => q.Value)],
                Identifier().Matches(body).Select(i => i.Value).ToHashSet(StringComparer.Ordinal));
        }
    }

    // Verbatim and interpolated strings are taken whole; an interpolation's code is not read (rarely a type).
    [GeneratedRegex("""//[^\n]*|/\*.*?\*/|@"(?:""|[^"])*"|\$?"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\])'""", RegexOptions.Singleline)]
    private static partial Regex CommentsAndStrings();

    [GeneratedRegex(@"^\s*namespace\s+(?<ns>[\w.]+)", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?(?<name>[\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex Imports();

    // Top-level types only (namespaces are file-scoped): a nested type is named through its outer type.
    [GeneratedRegex(
        @"^(?:(?:public|internal|sealed|static|abstract|partial|readonly|file|ref)\s+)*(?:record\s+)?(?:class|record|struct|interface|enum)\s+(?<name>[A-Z]\w*)",
        RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"\bGather(?:\.[A-Z]\w*)+")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"\b[A-Z]\w*")]
    private static partial Regex Identifier();
}
