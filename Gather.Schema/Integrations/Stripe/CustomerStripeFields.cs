using Gather.Infrastructure.Validation;
using Gather.Schema.Errors;
using Gather.Schema.Records;
using Gather.Schema.Loading;
using GraphQL;

namespace Gather.Schema.Integrations.StripeIntegration;

/// <summary>
/// The resolvers of a Customer's Stripe fields (<c>stripeCustomer</c>, <c>charges</c>), through
/// batch loaders: every customer at a level registers its email, and one dispatch serves them all.
/// </summary>
public static class CustomerStripeFields
{
    public const int DefaultChargesPage = 10, MaxChargesPage = 100;

    public static async Task<object?> StripeCustomerAsync(IResolveFieldContext<RecordNode> context) =>
        await KeyAsync(context) is { } key
            ? StripeCustomersByEmailLoader.For(context, key).Load(context.Source.Record.Key).Then(result => StripeFieldErrors.OrFieldError(result))
            : null;

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
        return StripeChargesByCustomerEmailLoader.For(context, key, first, after).Load(context.Source.Record.Key)
            .Then(result => StripeFieldErrors.OrFieldError(result));
    }

    /// <summary>The team's Stripe key, read once per request; an error on the field when Stripe is not connected.</summary>
    private static async Task<string?> KeyAsync(IResolveFieldContext context)
    {
        var key = await StripeKeyLoader.For(context).LoadAsync();
        if (key is null)
        {
            var error = StripeFieldErrors.NotConnected();
            error.Path = context.ResponsePath;
            context.Errors.Add(error);
        }
        return key;
    }
}
