using Gather.Infrastructure.Models;
using Gather.Infrastructure.Models.Operations;
using Gather.Infrastructure.Teams;
using Gather.Schema.Common;
using GraphQL;

namespace Gather.Schema.Loading;

/// <summary>Models' field catalogues: every model asked for before the first result is read in one store call.</summary>
public sealed class ModelFieldsLoader(ModelService models, ITeamStore team)
    : BatchLoader<Model, IReadOnlyList<ModelField>>((batch, cancellationToken) => FetchAsync(models, team, batch, cancellationToken), missing: [], ById)
{
    /// <summary>Models are the same model when their ids are.</summary>
    private static readonly IEqualityComparer<Model> ById =
        EqualityComparer<Model>.Create((a, b) => a?.Id == b?.Id, m => StringComparer.Ordinal.GetHashCode(m.Id));

    public static ModelFieldsLoader For(IResolveFieldContext context) =>
        context.Loaders().Get(() => new ModelFieldsLoader(context.Service<ModelService>(), context.TeamStore()));

    private static async Task<IReadOnlyDictionary<Model, IReadOnlyList<ModelField>>> FetchAsync(ModelService models, ITeamStore team,
        IReadOnlyList<Model> batch, CancellationToken cancellationToken) =>
        (await models.FieldsAsync(team, batch, cancellationToken)).ToDictionary(e => batch.First(m => m.Id == e.Key), e => e.Value, ById);
}
