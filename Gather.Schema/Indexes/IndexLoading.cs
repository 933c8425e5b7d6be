using Gather.Infrastructure.Indexes;
using Gather.Infrastructure.Views;
using Gather.Infrastructure.Views.Operations;
using Gather.Schema.Common;
using Gather.Schema.Loading;
using Gather.Schema.Views;
using GraphQL;

namespace Gather.Schema.Indexes;

/// <summary>
/// The team's indexes and views, read once per query however many views or owners ask; afresh
/// in a mutation, which changes them.
/// </summary>
public static class IndexLoading
{
    public static Task<IReadOnlyList<FieldIndex>> TeamIndexesAsync(this IResolveFieldContext context) =>
        context.IsMutation()
            ? context.TeamStore().FieldIndexes.ListAsync(context.CancellationToken)
            : TeamIndexesLoader.For(context).LoadAsync();

    public static async Task<View?> ViewAsync(IResolveFieldContext context, string id)
    {
        if (context.IsMutation())
            return await context.Service<ViewService>().GetAsync(context.TeamStore(), id, context.CancellationToken);
        var all = await TeamViewsLoader.For(context).LoadAsync();
        return all.FirstOrDefault(v => v.Id == id);
    }
}
