using Gather.Schema.Records;
using Gather.Schema.StandardModels;
using GraphQL.Types;

namespace Gather.Schema.Integrations.StripeIntegration;

/// <summary>What Stripe adds to the standard Customer type: <c>stripeCustomer</c> and <c>charges</c>, found by the customer's email (resolved by <see cref="CustomerStripeFields"/>).</summary>
public sealed class StripeFieldsOfCustomer : ICustomerFields
{
    public void AddTo(ObjectGraphType<RecordNode> customer)
    {
        customer.Field<StripeCustomerType>("stripeCustomer")
            .Description("The Stripe customer with this customer's email (the newest, if several), read from Stripe; null when there is none.")
            .ResolveAsync(CustomerStripeFields.StripeCustomerAsync);
        customer.Field<StripeChargesConnectionType>("charges")
            .Description("This customer's Stripe charges, newest first, through the Stripe customer with the same email; read from Stripe.")
            .Argument<IntGraphType>("first", $"Page size, 1 to {CustomerStripeFields.MaxChargesPage} (default {CustomerStripeFields.DefaultChargesPage}).")
            .Argument<StringGraphType>("after", "A charge id (a previous page's `endCursor`) to read on from.")
            .ResolveAsync(CustomerStripeFields.ChargesAsync);
    }
}
