using Gather.Infrastructure.Integrations.StripeIntegration;
using Gather.Infrastructure.Integrations;
using Gather.Schema.Common;
using Gather.Schema.Loading;
using GraphQL;

namespace Gather.Schema.Integrations.StripeIntegration;

/// <summary>
/// A page of Stripe charges per Customer record (by email), one loader per page asked for
/// (<c>first</c>, <c>after</c>): the level's emails go through <see cref="StripeCustomersByEmailLoader"/>
/// in one dispatch, then each found customer's charges are read concurrently. A Stripe failure
/// stays with the customer it concerns.
/// </summary>
public sealed class StripeChargesByCustomerEmailLoader(StripeReader reader, string teamId, string key, StripeCustomersByEmailLoader customers,
    int first, string? after)
    : BatchLoader<string, StripeResult<StripeChargesPage>>(
        (emails, cancellationToken) => FetchAsync(reader, teamId, key, customers, first, after, emails, cancellationToken),
        StripeResult<StripeChargesPage>.Failed("No result."), StringComparer.Ordinal)
{
    public static StripeChargesByCustomerEmailLoader For(IResolveFieldContext context, string key, int first, string? after) =>
        context.Loaders().Get((first, after), () => new StripeChargesByCustomerEmailLoader(context.Service<StripeReader>(), context.Caller().TeamId, key,
            StripeCustomersByEmailLoader.For(context, key), first, after));

    private static async Task<IReadOnlyDictionary<string, StripeResult<StripeChargesPage>>> FetchAsync(StripeReader reader, string teamId, string key,
        StripeCustomersByEmailLoader customersByEmail, int first, string? after, IReadOnlyList<string> emails, CancellationToken cancellationToken)
    {
        var lookups = emails.Select(customersByEmail.Load).ToList();
        var customers = new Dictionary<string, StripeResult<StripeCustomer?>>(StringComparer.Ordinal);
        for (var i = 0; i < emails.Count; i++)
            customers[emails[i]] = await lookups[i].GetResultAsync(cancellationToken);
        var pages = await Task.WhenAll(emails.Select(async email =>
        {
            var customer = customers[email];
            if (customer.Error is not null)
                return (email, StripeResult<StripeChargesPage>.Failed(customer.Error));
            if (customer.Value is null)
                return (email, new StripeResult<StripeChargesPage>(new StripeChargesPage([], false, false), null));
            var charges = await reader.ChargesAsync(teamId, key, customer.Value.Id, first, after, cancellationToken);
            return (email, charges.Error is not null
                ? StripeResult<StripeChargesPage>.Failed(charges.Error)
                : new StripeResult<StripeChargesPage>(new StripeChargesPage(charges.Value!.Data, charges.Value.HasMore, after is not null), null));
        }));
        return pages.ToDictionary(p => p.email, p => p.Item2, StringComparer.Ordinal);
    }
}
