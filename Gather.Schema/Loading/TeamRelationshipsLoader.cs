using Gather.Infrastructure.Relationships;
using Gather.Infrastructure.Relationships.Operations;
using Gather.Infrastructure.Teams;
using Gather.Schema.Common;
using GraphQL;

namespace Gather.Schema.Loading;

/// <summary>The team's relationships, read once per request for every navigation and column that follows one.</summary>
public sealed class TeamRelationshipsLoader(RelationshipService relationships, ITeamStore team, CancellationToken cancellationToken)
    : RequestLookup<IReadOnlyList<Relationship>>(() => relationships.ListAsync(team, cancellationToken))
{
    public static TeamRelationshipsLoader For(IResolveFieldContext context) =>
        context.Loaders().Get(() => new TeamRelationshipsLoader(context.Service<RelationshipService>(), context.TeamStore(), context.CancellationToken));
}
