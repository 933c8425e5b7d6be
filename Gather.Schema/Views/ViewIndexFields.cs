using Gather.Infrastructure.Indexes;
using Gather.Infrastructure.Views;
using Gather.Infrastructure.Views.Operations;
using Gather.Schema.Common;
using Gather.Schema.Indexes;
using Gather.Schema.Loading;
using GraphQL;
using GraphQL.Types;

namespace Gather.Schema.Views;

/// <summary>A view's <c>index</c> (the one it holds) and <c>warnings</c> (served without one, and why).</summary>
public static class ViewIndexFields
{
    public const string ServedWithoutIndex = "SERVED_WITHOUT_INDEX";

    public static void AddIndexFields(this ObjectGraphType<View> view)
    {
        view.Field<IndexType>("index")
            .Description("The index the view holds for its saved filter and order (equality-filtered fields first, then the order's fields); null when they need none, or the team is at its index limit (see `warnings`).")
            .ResolveAsync(async c =>
            {
                var indexes = await c.TeamIndexesAsync();
                if (ViewIndexes.HeldBy(c.Source, indexes) is not { } held)
                    return null;
                var states = await IndexStatesLoader.For(c, held).LoadAsync();
                return new TeamIndex(held, states[held.Name]);
            });
        view.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ViewWarningType>>>>("warnings")
            .Description("What keeps the view from being served at its best; empty when nothing does.")
            .ResolveAsync(async c => c.Service<ViewIndexes>().Warning(c.Source, await c.TeamIndexesAsync()) is { } message
                ? [new ViewWarning(ServedWithoutIndex, message)]
                : Array.Empty<ViewWarning>());
    }
}

/// <summary>Something that keeps a view from being served at its best, with a stable code.</summary>
public sealed record ViewWarning(string Code, string Message);

public sealed class ViewWarningType : ObjectGraphType<ViewWarning>
{
    public ViewWarningType()
    {
        Name = "ViewWarning";
        Description = "Something that keeps a view from being served at its best; the view still works.";
        Field<NonNullGraphType<StringGraphType>>("code")
            .Description($"Stable for clients: {ViewIndexFields.ServedWithoutIndex} (the team was at Gather:Query:MaxIndexesPerTeam, or the model too large for Gather:Query:MaxIndexBuildRecords, so the view reads every record of its model).")
            .Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("message").Description("What happened and what to do.").Resolve(c => c.Source.Message);
    }
}
