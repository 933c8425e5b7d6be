using Gather.Infrastructure.Teams;
using Gather.Infrastructure.Views;
using Gather.Infrastructure.Views.Operations;
using Gather.Schema.Common;
using Gather.Schema.Loading;
using GraphQL;

namespace Gather.Schema.Views;

/// <summary>The team's views, read once per request however many fields look one up.</summary>
public sealed class TeamViewsLoader(ViewService views, ITeamStore team, CancellationToken cancellationToken)
    : RequestLookup<IReadOnlyList<View>>(() => views.ListAsync(team, cancellationToken))
{
    public static TeamViewsLoader For(IResolveFieldContext context) =>
        context.Loaders().Get(() => new TeamViewsLoader(context.Service<ViewService>(), context.TeamStore(), context.CancellationToken));
}
