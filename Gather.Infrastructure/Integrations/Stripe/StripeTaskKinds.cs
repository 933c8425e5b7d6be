using Gather.Infrastructure.IntegrationTasks;

namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>The tasks Stripe runs, as kinds of <see cref="IntegrationTaskKind"/> (<c>IntegrationTaskKind.SyncStripeCharges</c>).</summary>
public static class StripeTaskKinds
{
    extension(IntegrationTaskKind)
    {
        /// <summary>Attaches each Stripe charge to the records of a model whose charge id field holds its id.</summary>
        public static IntegrationTaskKind SyncStripeCharges => new("SyncStripeCharges");

        /// <summary>Upserts Stripe customers into the standard Customer and Account models.</summary>
        public static IntegrationTaskKind SyncStripeCustomers => new("SyncStripeCustomers");
    }
}
