using Gather.Infrastructure.IntegrationPlugins;
using Gather.Infrastructure.IntegrationTasks;

namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>What Stripe brings to Gather: its two tasks and the charge section one of them attaches.</summary>
public static class StripeDefinition
{
    public static readonly IntegrationDefinition Instance = new(IntegrationKind.Stripe,
        [IntegrationTaskKind.SyncStripeCharges, IntegrationTaskKind.SyncStripeCustomers], [StripeChargeAttachment.Section]);
}
