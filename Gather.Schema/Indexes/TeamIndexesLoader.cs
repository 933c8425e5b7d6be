using Gather.Infrastructure.Indexes;
using Gather.Infrastructure.Teams;
using Gather.Schema.Common;
using Gather.Schema.Loading;
using GraphQL;

namespace Gather.Schema.Indexes;

/// <summary>The team's field indexes, read once per request however many views or owners ask.</summary>
public sealed class TeamIndexesLoader(ITeamStore team, CancellationToken cancellationToken)
    : RequestLookup<IReadOnlyList<FieldIndex>>(() => team.FieldIndexes.ListAsync(cancellationToken))
{
    public static TeamIndexesLoader For(IResolveFieldContext context) =>
        context.Loaders().Get(() => new TeamIndexesLoader(context.TeamStore(), context.CancellationToken));
}
