using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Views;
using Gather.Schema.Common;
using Gather.Schema.Loading;
using GraphQL;

namespace Gather.Schema.Indexes;

/// <summary>
/// The team's indexes and views, read once per query however many views or owners ask; afresh
/// in a mutation, which changes them.
/// </summary>
public static class IndexLoading
{
    public static Task<IReadOnlyList<FieldIndex>> TeamIndexesAsync(this IResolveFieldContext context)
    {
        var team = context.TeamStore();
        return IsMutation(context)
            ? team.FieldIndexes.ListAsync(context.CancellationToken)
            : context.Loaders().OnceAsync("fieldIndexes", () => team.FieldIndexes.ListAsync(context.CancellationToken));
    }

    public static async Task<View?> ViewAsync(IResolveFieldContext context, string id)
    {
        var team = context.TeamStore();
        var views = context.Service<ViewService>();
        if (IsMutation(context))
            return await views.GetAsync(team, id, context.CancellationToken);
        var all = await context.Loaders().OnceAsync("views", () => views.ListAsync(team, context.CancellationToken));
        return all.FirstOrDefault(v => v.Id == id);
    }

    private static bool IsMutation(IResolveFieldContext context) =>
        context.Operation.Operation == GraphQLParser.AST.OperationType.Mutation;
}
