using Gather.Infrastructure.Models;
using Gather.Infrastructure.Models.Operations;
using GraphQL;

namespace Gather.Schema.Loading;

/// <summary>
/// The paths a model knows, for checking the paths a read names. In a query, the first check
/// asks for the catalogue of every model of the team in the same batch, so a document naming
/// paths on several models at several levels reads catalogues once (one store round trip), and
/// later levels, columns and <c>fields</c> find them loaded. A query that can make only this one
/// check (<see cref="DocumentReads.OneListNamesPaths"/>) reads this model's catalogue alone: a team may hold
/// hundreds of models, and a page naming paths on one of them should not read them all. A
/// mutation reads the one it needs.
/// </summary>
public static class ModelPathLoading
{
    public static async Task<ModelPaths> ModelPathsAsync(this IResolveFieldContext context, Model model)
    {
        var fields = context.LoadFields(model);
        if (!context.IsMutation() && !context.DocumentReads().OneListNamesPaths)
            foreach (var other in await context.TeamModelsAsync())
                if (other.Kind != ModelKind.Integration)
                    context.LoadFields(other);
        return ModelPaths.For(model, await fields.GetResultAsync(context.CancellationToken));
    }
}
