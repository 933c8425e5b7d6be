using GraphQLParser.AST;

namespace Gather.Schema.Loading;

/// <summary>
/// What a query's document shows it will read, so that a simple one does not pay for what a
/// complex one needs: a team may hold hundreds of models, and the loaders otherwise read all of
/// them (and their field catalogues) so that every level of a nested document finds them loaded.
/// Read from the document, fragments included, once per request. When in doubt each answer is
/// no, and the team's models and catalogues are read together as before: a wrong no costs that
/// reading, never a wrong answer.
/// </summary>
/// <param name="OneListNamesPaths">
/// Exactly one field takes a filter or an order (<c>where</c>, <c>order</c>), and none reads
/// catalogues otherwise: a view (its saved filter, order and columns), <c>columns</c>, or a
/// model's <c>fields</c> (a list of objects, unlike a record's <c>fields</c>, which is JSON).
/// </param>
/// <param name="OneModelOnly">
/// Exactly one field names a model (<c>modelId</c>), and every field is one of a record page's
/// own (<see cref="RecordPageFields"/>), which need no other model.
/// </param>
public sealed record DocumentReads(bool OneListNamesPaths, bool OneModelOnly)
{
    /// <summary>Fields of <c>records</c>/<c>record</c> and their pages that read nothing but the page.</summary>
    private static readonly HashSet<string> RecordPageFields = new(StringComparer.Ordinal)
    {
        "records", "record", "nodes", "edges", "node", "cursor", "id", "fields", "createdAt", "updatedAt", "totalCount",
        "pageInfo", "hasNextPage", "hasPreviousPage", "startCursor", "endCursor", "__typename",
    };

    public static DocumentReads Of(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue).ToDictionary(g => g.Key, g => g.First());
        int lists = 0, models = 0;
        var readsCatalogues = false;
        var pageOnly = true;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<GraphQLSelectionSet>([operation.SelectionSet]);
        while (pending.Count > 0)
        {
            foreach (var selection in pending.Pop().Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        var name = field.Name.StringValue;
                        var arguments = field.Arguments?.Items.Select(a => a.Name.StringValue).ToList() ?? [];
                        if (arguments.Any(a => a is "where" or "order"))
                            lists++;
                        if (arguments.Contains("modelId"))
                            models++;
                        var modelFields = name == "fields" && field.SelectionSet is not null;
                        readsCatalogues |= name is "view" or "views" or "columns" || modelFields;
                        pageOnly &= RecordPageFields.Contains(name) && !modelFields;
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
        return new DocumentReads(!readsCatalogues && lists == 1, pageOnly && models == 1);
    }
}
