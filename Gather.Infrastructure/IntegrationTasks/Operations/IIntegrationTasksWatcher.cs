using Gather.Infrastructure.Teams;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Storage;

namespace Gather.Infrastructure.IntegrationTasks.Operations;

/// <summary>
/// Told when an integration's tasks change (one added or deleted), so the integration can keep
/// what its tasks need from the outside service (e.g. a webhook endpoint) exactly while they need it.
/// </summary>
public interface IIntegrationTasksWatcher
{
    /// <summary>A note for a new task's status when what it needs cannot be had (e.g. no public URL for webhooks); null otherwise.</summary>
    Task<string?> TasksChangedAsync(ITeamStore team, Integration integration, CancellationToken cancellationToken);
}
