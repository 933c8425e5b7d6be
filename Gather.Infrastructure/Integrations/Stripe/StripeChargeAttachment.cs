using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Records;

namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>
/// The section Sync Stripe Charges fills: <c>linked.stripeCharge</c>, the snapshot of the Stripe
/// charge whose id the record holds (<see cref="ChargeSnapshot"/>), read as <c>AttachedData.StripeCharge</c>.
/// </summary>
public static class StripeChargeAttachment
{
    public static readonly AttachedSectionKind Section = new("stripeCharge", IntegrationTaskKind.SyncStripeCharges.Name, ChargeSnapshot.Fields);

    extension(AttachedData)
    {
        /// <summary>The Stripe charge a record's charge id field names (Sync Stripe Charges).</summary>
        public static string StripeCharge => Section.Name;
    }
}
