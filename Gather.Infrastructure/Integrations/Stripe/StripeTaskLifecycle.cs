using Gather.Infrastructure.IntegrationTasks.Operations;
using Gather.Infrastructure.Integrations.Operations;
using Gather.Infrastructure.Teams;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>
/// Stripe's tasks follow its connection: connecting starts Sync Stripe Customers (as Gather's docs
/// say, unless <c>Gather:Tasks:SyncStripeCustomersOnConnect</c> is off); disconnecting removes the
/// webhook endpoint once the tasks are gone.
/// </summary>
public sealed class StripeTaskLifecycle(IntegrationTaskService tasks, StripeWebhooks webhooks, IOptions<StripeTaskSettings> settings)
    : IIntegrationLifecycle
{
    public async Task ConnectedAsync(ITeamStore team, Integration integration, CancellationToken cancellationToken)
    {
        if (integration.Kind == IntegrationKind.Stripe && settings.Value.SyncStripeCustomersOnConnect)
            await tasks.CreateAsync(team, integration.Id, IntegrationTaskKind.SyncStripeCustomers, null, cancellationToken);
    }

    public async Task DisconnectingAsync(ITeamStore team, Integration integration, CancellationToken cancellationToken)
    {
        if (integration.Kind == IntegrationKind.Stripe)
            await webhooks.RemoveAsync(team, integration, cancellationToken);
    }
}
