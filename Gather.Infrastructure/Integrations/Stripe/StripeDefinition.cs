using Gather.Infrastructure.IntegrationTasks;

namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>What Stripe brings to Gather: its models (StripeCharge, StripeCustomer), its two tasks, and the charge section Sync Stripe Charges attaches.</summary>
public static class StripeDefinition
{
    public static readonly IntegrationDefinition Instance = new(IntegrationKind.Stripe,
        [IntegrationTaskKind.SyncStripeCharges, IntegrationTaskKind.SyncStripeCustomers], [StripeChargeAttachment.Section], StripeModels.For);
}
