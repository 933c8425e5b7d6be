using Gather.Infrastructure.IntegrationTasks.Operations;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Teams;
using Gather.Schema.Common;
using GraphQL;

namespace Gather.Schema.Loading;

/// <summary>The team's integration tasks, read once per request (they decide which models have attached data).</summary>
public sealed class TeamIntegrationTasksLoader(IntegrationTaskService tasks, ITeamStore team, CancellationToken cancellationToken)
    : RequestLookup<IReadOnlyList<IntegrationTask>>(() => tasks.ListAsync(team, cancellationToken))
{
    public static TeamIntegrationTasksLoader For(IResolveFieldContext context) =>
        context.Loaders().Get(() => new TeamIntegrationTasksLoader(context.Service<IntegrationTaskService>(), context.TeamStore(), context.CancellationToken));
}
