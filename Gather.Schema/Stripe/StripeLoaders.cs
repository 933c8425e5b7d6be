using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Validation;
using Gather.Schema.Common;
using Gather.Schema.Errors;
using Gather.Schema.Loading;
using Gather.Schema.Records;
using GraphQL;
using GraphQL.DataLoader;

namespace Gather.Schema.Stripe;

/// <summary>
/// Stripe data for the customers of a page, through batch loaders: every customer at a level
/// registers its email, and one dispatch looks the emails up (ten per search call) and reads
/// each found customer's charges concurrently. A Stripe failure becomes an error on that
/// customer's field; the rest of the response stays.
/// </summary>
public static class StripeLoaders
{
    public const int DefaultChargesPage = 10, MaxChargesPage = 100;

    public static async Task<object?> StripeCustomerAsync(IResolveFieldContext<RecordNode> context) =>
        await KeyAsync(context) is { } key
            ? CustomersByEmail(context, key).Load(context.Source.Record.Key).Then(result => OrFieldError(result))
            : null;

    /// <summary>One loader per request for Stripe customers by email, shared by <c>stripeCustomer</c> and <c>charges</c>, so each email is looked up once.</summary>
    private static BatchLoader<string, StripeResult<StripeCustomer?>> CustomersByEmail(IResolveFieldContext context, string key)
    {
        var reader = context.Service<StripeReader>();
        var teamId = context.Caller().TeamId;
        return context.Loaders().GetOrAdd("stripeCustomerByEmail", () => new BatchLoader<string, StripeResult<StripeCustomer?>>(
            (emails, cancellationToken) => reader.CustomersByEmailAsync(teamId, key, emails, cancellationToken),
            new StripeResult<StripeCustomer?>(null, null), StringComparer.Ordinal));
    }

    public static async Task<object?> ChargesAsync(IResolveFieldContext<RecordNode> context)
    {
        var first = context.GetArgument<int?>("first") ?? DefaultChargesPage;
        var after = context.GetArgument<string?>("after");
        if (first is < 1 or > MaxChargesPage)
        {
            context.Report([new ValidationProblem("first", "range", $"`first` must be from 1 to {MaxChargesPage} (Stripe's page limit).")]);
            return null;
        }
        if (await KeyAsync(context) is not { } key)
            return null;
        var reader = context.Service<StripeReader>();
        var teamId = context.Caller().TeamId;
        var customersByEmail = CustomersByEmail(context, key);
        var loader = context.Loaders().GetOrAdd(("stripeCharges", first, after), () => new BatchLoader<string, StripeResult<StripeChargesPage>>(
            async (emails, cancellationToken) =>
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
            },
            StripeResult<StripeChargesPage>.Failed("No result."), StringComparer.Ordinal));
        return loader.Load(context.Source.Record.Key).Then(result => OrFieldError(result));
    }

    /// <summary>The team's Stripe key, read once per request; an error on the field when Stripe is not connected.</summary>
    private static async Task<string?> KeyAsync(IResolveFieldContext context)
    {
        var key = await TeamKeyAsync(context);
        if (key is null)
        {
            var error = NotConnected();
            error.Path = context.ResponsePath;
            context.Errors.Add(error);
        }
        return key;
    }

    /// <summary>The team's decrypted Stripe key, or null when Stripe is not connected; read once per request.</summary>
    internal static Task<string?> TeamKeyAsync(IResolveFieldContext context)
    {
        var reader = context.Service<StripeReader>();
        var team = context.TeamStore();
        return context.Loaders().OnceAsync("stripeKey", () => reader.KeyAsync(team, context.CancellationToken));
    }

    internal static ExecutionError NotConnected() =>
        new("Stripe is not connected for this team: an admin can connect it with connectStripe.") { Code = ErrorCodes.StripeNotConnected };

    internal static T? OrFieldError<T>(StripeResult<T> result) =>
        result.Error is null ? result.Value : throw new ExecutionError(result.Error) { Code = ErrorCodes.StripeUnavailable };
}
