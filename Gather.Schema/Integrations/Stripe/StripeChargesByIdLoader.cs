using Gather.Infrastructure.Integrations.StripeIntegration;
using Gather.Infrastructure.Integrations;
using Gather.Schema.Common;
using Gather.Schema.Loading;
using GraphQL;

namespace Gather.Schema.Integrations.StripeIntegration;

/// <summary>Stripe charges by id, for relationships that lead to StripeCharge records (e.g. an order's <c>stripe_charge_id</c>); batched per level.</summary>
public sealed class StripeChargesByIdLoader(StripeReader reader, string teamId, string key)
    : BatchLoader<string, StripeResult<StripeCharge?>>((ids, cancellationToken) => reader.ChargesByIdAsync(teamId, key, ids, cancellationToken),
        new StripeResult<StripeCharge?>(null, null), StringComparer.Ordinal)
{
    public static StripeChargesByIdLoader For(IResolveFieldContext context, string key) =>
        context.Loaders().Get(() => new StripeChargesByIdLoader(context.Service<StripeReader>(), context.Caller().TeamId, key));
}
