using GraphQLParser.AST;

namespace Gather.Schema.Loading;

/// <summary>
/// Whether an operation asks for field catalogues in one place only: exactly one field takes a
/// filter or an order (<c>where</c>, <c>order</c>), and none reads catalogues otherwise: a view
/// (its saved filter, order and columns), <c>columns</c>, or a model's <c>fields</c> (a list of
/// objects, unlike a record's <c>fields</c>, which is JSON). Read from the document, fragments
/// included, once per request. When in doubt it says no, and the catalogues are read together as
/// before: the cost of a wrong no is the reading of every model's catalogue, never a wrong answer.
/// </summary>
public sealed record CataloguesAsked(bool Value)
{
    public static CataloguesAsked ByOneList(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue).ToDictionary(g => g.Key, g => g.First());
        var lists = 0;
        var others = false;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<GraphQLSelectionSet>([operation.SelectionSet]);
        while (pending.Count > 0 && !others && lists <= 1)
        {
            foreach (var selection in pending.Pop().Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        var name = field.Name.StringValue;
                        if (field.Arguments?.Items.Any(a => a.Name.StringValue is "where" or "order") == true)
                            lists++;
                        if (name is "view" or "views" or "columns" || (name == "fields" && field.SelectionSet is not null))
                            others = true;
                        if (field.SelectionSet is not null)
                            pending.Push(field.SelectionSet);
                        break;
                    case GraphQLInlineFragment inline:
                        pending.Push(inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread spread when seen.Add(spread.FragmentName.Name.StringValue):
                        if (fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment))
                            pending.Push(fragment.SelectionSet);
                        break;
                }
            }
        }
        return new CataloguesAsked(!others && lists == 1);
    }
}
