using Gather.Infrastructure.Models;
using Gather.Infrastructure.Models.Operations;
using Gather.Infrastructure.Teams;
using Gather.Schema.Common;
using GraphQL;

namespace Gather.Schema.Loading;

/// <summary>The team's models, read once per request however many fields look one up.</summary>
public sealed class TeamModelsLoader(ModelService models, ITeamStore team, CancellationToken cancellationToken)
    : RequestLookup<IReadOnlyList<Model>>(() => models.ListAsync(team, cancellationToken))
{
    public static TeamModelsLoader For(IResolveFieldContext context) =>
        context.Loaders().Get(() => new TeamModelsLoader(context.Service<ModelService>(), context.TeamStore(), context.CancellationToken));
}
