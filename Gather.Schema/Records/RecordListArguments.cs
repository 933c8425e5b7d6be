using GraphQL.Builders;
using GraphQL.Types;

namespace Gather.Schema.Records;

/// <summary>Which record list the arguments are for; it decides the paging directions and the wording.</summary>
public enum RecordListKind
{
    /// <summary>A root list (<c>records</c>, <c>accounts</c>, <c>orders</c>): pages both ways.</summary>
    Root,

    /// <summary>Related records through <c>related</c> or a standard type's relationship: forward only, a page per parent record.</summary>
    Related,

    /// <summary>Related records of a typed model: forward only, worded as a root list's (as the typed API was published).</summary>
    TypedRelated,
}

/// <summary>
/// The arguments every record list takes (<c>where</c>, <c>order</c>, <c>search</c> and Relay
/// paging) with their descriptions, written once for the generic, standard and typed lists;
/// only the filter and sort input types differ.
/// </summary>
public static class RecordListArguments
{
    /// <summary>The arguments of a list of <paramref name="names"/>'s records (its filter and sort inputs, by name).</summary>
    public static QueryArguments For(RecordTypeNames names, RecordListKind kind) =>
        For(new QueryArgument(new GraphQLTypeReference(names.FilterInput)),
            new QueryArgument(new ListGraphType(new NonNullGraphType(new GraphQLTypeReference(names.SortInput)))), kind);

    /// <summary>The arguments of a generic record list (<c>RecordFilterInput</c>, <c>RecordSortInput</c>).</summary>
    public static QueryArguments Generic(RecordListKind kind) =>
        For(new QueryArgument<RecordFilterInputType>(), new QueryArgument<ListGraphType<NonNullGraphType<RecordSortInputType>>>(), kind);

    /// <summary>Adds the generic arguments of a <paramref name="kind"/> list to <paramref name="field"/>.</summary>
    public static FieldBuilder<TSource, TReturn> WithListArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, RecordListKind kind)
    {
        field.FieldType.Arguments ??= new QueryArguments();
        foreach (var argument in Generic(kind))
            field.FieldType.Arguments.Add(argument);
        return field;
    }

    private static QueryArguments For(QueryArgument where, QueryArgument order, RecordListKind kind)
    {
        var perParent = kind == RecordListKind.Related;
        where.Name = "where";
        where.Description = perParent ? "Only related records matching this filter." : "Only records matching this filter.";
        order.Name = "order";
        order.Description = "Sort keys, most significant first; ties break on the record id.";
        var arguments = new QueryArguments(
            where,
            order,
            new QueryArgument<StringGraphType> { Name = "search", Description = "Words that must each appear, ignoring case, in some string value of the record." },
            new QueryArgument<IntGraphType> { Name = "first", Description = perParent ? "Page size per parent record (default 50)." : "Page size, reading forward (default 50)." },
            new QueryArgument<StringGraphType> { Name = "after", Description = "Read forward from after this cursor." });
        if (kind == RecordListKind.Root)
        {
            arguments.Add(new QueryArgument<IntGraphType> { Name = "last", Description = "Page size, reading backward." });
            arguments.Add(new QueryArgument<StringGraphType> { Name = "before", Description = "Read backward from before this cursor." });
        }
        return arguments;
    }
}
