using GraphQLParser.AST;

namespace Gather.Api.GraphQL;

/// <summary>
/// How many pairs of selections validation must compare to prove they merge. The GraphQL rule
/// "field selections merge" (graphql-dotnet's OverlappingFieldsCanBeMerged) compares every two
/// selections that land on the same response name at the same place, and their sub-selections
/// pairwise again; a thousand <c>records(first: n)</c> at the root make half a million pairs, each
/// a conflict error. Here each selection is placed by its parent's place and its response name,
/// fragments expanded, and a place that already holds n selections adds n comparisons. The walk
/// runs only after the field count is within its limit, so it visits about that many selections.
/// Fragment cycles and spreads of unknown fragments (errors validation reports) could make the
/// expansion longer than the count, so it also stops after a fixed number of steps and says so.
/// </summary>
public static class MergeComparisons
{
    /// <summary>
    /// The comparisons the document needs, counting stopped just past <paramref name="limit"/>;
    /// whether expanding it took more steps (selections visited) than <paramref name="maxSteps"/>.
    /// </summary>
    public static (long Comparisons, bool TooManyFields) Count(IEnumerable<GraphQLSelectionSet> roots,
        IReadOnlyDictionary<string, GraphQLFragmentDefinition> fragments, long limit, long maxSteps)
    {
        var walk = new Walk(fragments, limit, maxSteps);
        foreach (var root in roots)
        {
            walk.Expand(root, walk.NewPlace());
            if (walk.Stopped)
                break;
        }
        return (walk.Comparisons, walk.StepsLeft < 0);
    }

    private sealed class Walk(IReadOnlyDictionary<string, GraphQLFragmentDefinition> fragments, long limit, long maxSteps)
    {
        private readonly Dictionary<(int Place, string ResponseName), (int Children, int Count)> _places = [];
        private readonly HashSet<string> _expanding = [];
        private int _nextPlace;

        public long Comparisons { get; private set; }

        public long StepsLeft { get; private set; } = maxSteps;

        public bool Stopped => Comparisons > limit || StepsLeft < 0;

        public int NewPlace() => _nextPlace++;

        public void Expand(GraphQLSelectionSet set, int place)
        {
            foreach (var selection in set.Selections)
            {
                if (Stopped)
                    return;
                StepsLeft--;
                switch (selection)
                {
                    case GraphQLField field:
                        var key = (place, (field.Alias?.Name ?? field.Name).StringValue);
                        if (_places.TryGetValue(key, out var seen))
                        {
                            Comparisons += seen.Count;
                            _places[key] = seen with { Count = seen.Count + 1 };
                        }
                        else
                        {
                            seen = (NewPlace(), 0);
                            _places[key] = seen with { Count = 1 };
                        }
                        if (field.SelectionSet is { } children)
                            Expand(children, seen.Children);
                        break;
                    case GraphQLInlineFragment inline:
                        Expand(inline.SelectionSet, place);
                        break;
                    // A fragment within itself is a cycle, which validation reports; not expanded twice.
                    case GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                                                          && _expanding.Add(spread.FragmentName.Name.StringValue):
                        Expand(fragment.SelectionSet, place);
                        _expanding.Remove(spread.FragmentName.Name.StringValue);
                        break;
                }
            }
        }
    }
}
