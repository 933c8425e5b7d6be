using Gather.Schema;
using Gather.Schema.Common;
using GraphQLParser.AST;

namespace Gather.Api.GraphQL;

/// <summary>A document past one of the <c>Gather:GraphQL</c> limits: its code, and a message naming the limit and the fix.</summary>
public sealed record DocumentLimitViolation(string Code, string Message);

/// <summary>
/// Measures a parsed document against the <c>Gather:GraphQL</c> limits before graphql-dotnet
/// validates it. Fragments are counted once each and their counts reused wherever they are
/// spread (so a fragment that spreads another twice, 30 levels deep, costs 30 steps, not 2³⁰),
/// and every count stops growing once past its limit. Everything in the document is measured,
/// not only the operation that will run: validation visits all of it. Introspection fields count
/// like any other. The cost returned (the field selections) is what the caller's budget is charged.
/// </summary>
public sealed class DocumentLimits(GraphQLLimitsOptions limits)
{
    // Sums stay below this, so adding two of them never overflows.
    private const long Saturated = long.MaxValue / 4;

    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = [];
    private readonly Dictionary<string, Summary> _summaries = [];
    private readonly HashSet<string> _inProgress = [];
    private DocumentLimitViolation? _violation;

    /// <summary>The document's counted field selections, or the first limit it breaks.</summary>
    public static (long Fields, DocumentLimitViolation? Violation) Check(GraphQLDocument document, GraphQLLimitsOptions limits) =>
        new DocumentLimits(limits).Measure(document);

    private readonly record struct Summary(long Fields, long Aliases, int FragmentDepth);

    private (long, DocumentLimitViolation?) Measure(GraphQLDocument document)
    {
        var extraRoots = new List<GraphQLSelectionSet>();
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            // A second definition of a name is an error validation reports, but it is still visited.
            if (!_fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment))
                extraRoots.Add(fragment.SelectionSet);
        }

        var roots = document.Definitions.OfType<GraphQLOperationDefinition>().Select(o => o.SelectionSet).ToList();
        long fields = 0, aliases = 0;
        // Adds a root's counts; false once a limit has been passed.
        bool Counted(GraphQLSelectionSet root)
        {
            var summary = Summarize(root, chain: 0);
            fields = Add(fields, summary.Fields);
            aliases = Add(aliases, summary.Aliases);
            return _violation is null;
        }
        if (!roots.All(Counted))
            return (fields, _violation);
        // Fragments no operation spreads are an error too, but validation walks them first.
        extraRoots.AddRange(_fragments.Where(f => !_summaries.ContainsKey(f.Key)).Select(f => f.Value.SelectionSet));
        if (!extraRoots.All(Counted))
            return (fields, _violation);
        roots.AddRange(extraRoots);

        if (fields > limits.MaxFields)
            return (fields, new(ErrorCodes.MaxFieldsExceeded,
                $"The document selects {Describe(fields, limits.MaxFields)} fields (each fragment counted wherever it is spread); at most {limits.MaxFields} are allowed (Gather:GraphQL:MaxFields). Split it into smaller requests."));
        if (aliases > limits.MaxAliases)
            return (fields, new(ErrorCodes.MaxAliasesExceeded,
                $"The document has {Describe(aliases, limits.MaxAliases)} aliased fields; at most {limits.MaxAliases} are allowed (Gather:GraphQL:MaxAliases). Split it into smaller requests."));
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            var rootNames = new HashSet<string>();
            CollectRootNames(operation.SelectionSet, rootNames, []);
            if (rootNames.Count > limits.MaxRootFields)
                return (fields, new(ErrorCodes.MaxRootFieldsExceeded,
                    $"An operation asks for more than {limits.MaxRootFields} root fields (Gather:GraphQL:MaxRootFields). Split it into smaller requests."));
        }
        // Only now is expanding every fragment affordable: it visits at most MaxFields fields.
        // Spreads and inline fragments are steps too; a valid document needs far fewer than 16 per field.
        var (comparisons, tooManyFields) = MergeComparisons.Count(roots, _fragments, limits.MaxMergeComparisons, 16L * limits.MaxFields);
        if (tooManyFields)
            return (fields, new(ErrorCodes.MaxFieldsExceeded,
                $"The document selects more than {limits.MaxFields} fields once its fragments are expanded (Gather:GraphQL:MaxFields). Split it into smaller requests, and check that its fragments exist and do not spread each other in a cycle."));
        if (comparisons > limits.MaxMergeComparisons)
            return (fields, new(ErrorCodes.MaxMergeComparisonsExceeded,
                $"The document selects the same response name at the same place so often that checking those selections merge takes more than {limits.MaxMergeComparisons} comparisons (Gather:GraphQL:MaxMergeComparisons). Select each field once per place, or give repeated selections distinct aliases."));
        return (fields, null);
    }

    private Summary Summarize(GraphQLSelectionSet set, int chain)
    {
        long fields = 0, aliases = 0;
        var depth = 0;
        foreach (var selection in set.Selections)
        {
            if (_violation is not null)
                break;
            var inner = selection switch
            {
                GraphQLField { SelectionSet: { } children } => Summarize(children, chain),
                GraphQLInlineFragment inline => Summarize(inline.SelectionSet, chain),
                GraphQLFragmentSpread spread => Spread(spread.FragmentName.Name.StringValue, chain),
                _ => default,
            };
            if (selection is GraphQLField field)
            {
                fields = Add(fields, 1);
                if (field.Alias is not null)
                    aliases = Add(aliases, 1);
            }
            fields = Add(fields, inner.Fields);
            aliases = Add(aliases, inner.Aliases);
            depth = Math.Max(depth, inner.FragmentDepth);
        }
        return new(fields, aliases, depth);
    }

    /// <summary>What spreading a fragment adds, computed once per fragment; a chain past the limit stops the walk.</summary>
    private Summary Spread(string name, int chain)
    {
        if (chain + 1 > limits.MaxFragmentDepth)
        {
            _violation ??= FragmentDepthViolation();
            return default;
        }
        if (!_summaries.TryGetValue(name, out var summary))
        {
            // Unknown fragments and cycles add nothing here; validation reports them.
            if (!_fragments.TryGetValue(name, out var fragment) || !_inProgress.Add(name))
                return new(0, 0, 1);
            var inner = Summarize(fragment.SelectionSet, chain + 1);
            _inProgress.Remove(name);
            summary = inner with { FragmentDepth = inner.FragmentDepth + 1 };
            if (_violation is null)
                _summaries[name] = summary;
        }
        if (chain + summary.FragmentDepth > limits.MaxFragmentDepth)
            _violation ??= FragmentDepthViolation();
        return summary;
    }

    private DocumentLimitViolation FragmentDepthViolation() => new(ErrorCodes.MaxFragmentDepthExceeded,
        $"Fragments spread fragments more than {limits.MaxFragmentDepth} levels deep (Gather:GraphQL:MaxFragmentDepth). Inline the inner fragments.");

    /// <summary>The response names at an operation's root, looking through fragments (each fragment once).</summary>
    private void CollectRootNames(GraphQLSelectionSet set, HashSet<string> names, HashSet<string> seenFragments)
    {
        foreach (var selection in set.Selections)
        {
            if (names.Count > limits.MaxRootFields)
                return;
            switch (selection)
            {
                case GraphQLField field:
                    names.Add((field.Alias?.Name ?? field.Name).StringValue);
                    break;
                case GraphQLInlineFragment inline:
                    CollectRootNames(inline.SelectionSet, names, seenFragments);
                    break;
                case GraphQLFragmentSpread spread when seenFragments.Add(spread.FragmentName.Name.StringValue)
                                                      && _fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment):
                    CollectRootNames(fragment.SelectionSet, names, seenFragments);
                    break;
            }
        }
    }

    private static long Add(long a, long b) => Math.Min(a + b, Saturated);

    private static string Describe(long count, int limit) => count >= Saturated ? $"far more than {limit}" : count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
