using Gather.Infrastructure.Integrations.StripeIntegration;
using Gather.Infrastructure.Integrations;
using Gather.Schema.Common;
using Gather.Schema.Loading;
using GraphQL;

namespace Gather.Schema.Integrations.StripeIntegration;

/// <summary>
/// Stripe customers by email, for the Customer records of a level: one dispatch looks the emails
/// up (ten per search call). Shared by <c>stripeCustomer</c> and <c>charges</c>, so each email is looked up once.
/// </summary>
public sealed class StripeCustomersByEmailLoader(StripeReader reader, string teamId, string key)
    : BatchLoader<string, StripeResult<StripeCustomer?>>((emails, cancellationToken) => reader.CustomersByEmailAsync(teamId, key, emails, cancellationToken),
        new StripeResult<StripeCustomer?>(null, null), StringComparer.Ordinal)
{
    /// <param name="key">The team's Stripe key (<see cref="StripeKeyLoader"/>).</param>
    public static StripeCustomersByEmailLoader For(IResolveFieldContext context, string key) =>
        context.Loaders().Get(() => new StripeCustomersByEmailLoader(context.Service<StripeReader>(), context.Caller().TeamId, key));
}
