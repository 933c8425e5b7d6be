using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Teams;
using Microsoft.Extensions.Options;

namespace Gather.Infrastructure.IntegrationTasks;

/// <summary>
/// An integration's tasks follow it: connecting Stripe starts Sync Stripe Customers (as Gather's
/// docs say, unless <c>Gather:Tasks:SyncStripeCustomersOnConnect</c> is off); disconnecting
/// removes its tasks and then its webhook endpoint.
/// </summary>
public sealed class IntegrationTaskLifecycle(IntegrationTaskService tasks, StripeWebhooks webhooks, IOptions<IntegrationTaskSettings> settings)
    : IIntegrationLifecycle
{
    public async Task ConnectedAsync(ITeamStore team, Integration integration, CancellationToken cancellationToken)
    {
        if (integration.Kind == IntegrationKind.Stripe && settings.Value.SyncStripeCustomersOnConnect)
            await tasks.CreateAsync(team, integration.Id, IntegrationTaskKind.SyncStripeCustomers, null, cancellationToken);
    }

    public async Task DisconnectingAsync(ITeamStore team, Integration integration, CancellationToken cancellationToken)
    {
        foreach (var task in (await team.IntegrationTasks.ListAsync(cancellationToken)).Where(t => t.IntegrationId == integration.Id))
            await tasks.RemoveAsync(team, task, cancellationToken);
        await webhooks.RemoveAsync(team, integration, cancellationToken);
    }
}
