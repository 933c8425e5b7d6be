using Gather.Infrastructure.Integrations.Operations;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Teams;

namespace Gather.Infrastructure.IntegrationTasks.Operations;

/// <summary>
/// An integration's tasks follow it out: disconnecting removes its tasks (before the integration's
/// own parts, registered after this one, let go of what the tasks needed, e.g. a webhook endpoint).
/// </summary>
public sealed class IntegrationTaskLifecycle(IntegrationTaskService tasks) : IIntegrationLifecycle
{
    public Task ConnectedAsync(ITeamStore team, Integration integration, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task DisconnectingAsync(ITeamStore team, Integration integration, CancellationToken cancellationToken)
    {
        foreach (var task in (await team.IntegrationTasks.ListAsync(cancellationToken)).Where(t => t.IntegrationId == integration.Id))
            await tasks.RemoveAsync(team, task, cancellationToken);
    }
}
