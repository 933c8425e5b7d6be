using Gather.Infrastructure.Integrations.StripeIntegration;
using Gather.Infrastructure.Integrations;
using Gather.Schema.Common;
using Gather.Schema.Loading;
using GraphQL;

namespace Gather.Schema.Integrations.StripeIntegration;

/// <summary>Stripe customers by id, for relationships that lead to StripeCustomer records; batched per level.</summary>
public sealed class StripeCustomersByIdLoader(StripeReader reader, string teamId, string key)
    : BatchLoader<string, StripeResult<StripeCustomer?>>((ids, cancellationToken) => reader.CustomersByIdAsync(teamId, key, ids, cancellationToken),
        new StripeResult<StripeCustomer?>(null, null), StringComparer.Ordinal)
{
    public static StripeCustomersByIdLoader For(IResolveFieldContext context, string key) =>
        context.Loaders().Get(() => new StripeCustomersByIdLoader(context.Service<StripeReader>(), context.Caller().TeamId, key));
}
