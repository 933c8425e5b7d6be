using Gather.Infrastructure.Integrations.StripeIntegration;
using Gather.Schema.Common;
using GraphQL.Types;
using Gather.Infrastructure.Integrations;

namespace Gather.Schema.Integrations.StripeIntegration;

/// <summary>A Stripe charge as CS staff read it, fetched from Stripe on demand (never stored in Gather).</summary>
public sealed class StripeChargeType : ObjectGraphType<StripeCharge>
{
    public StripeChargeType()
    {
        Name = "StripeCharge";
        Description = "A payment in Stripe, read from Stripe when asked for. Amounts are in the currency's smallest unit (cents).";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<LongGraphType>>("amount").Resolve(c => c.Source.Amount);
        Field<NonNullGraphType<LongGraphType>>("amountCaptured").Resolve(c => c.Source.AmountCaptured);
        Field<NonNullGraphType<LongGraphType>>("amountRefunded").Resolve(c => c.Source.AmountRefunded);
        Field<NonNullGraphType<StringGraphType>>("currency").Description("Lowercase ISO code, e.g. `usd`.").Resolve(c => c.Source.Currency);
        Field<NonNullGraphType<StringGraphType>>("status").Description("`succeeded`, `pending` or `failed`.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<BooleanGraphType>>("paid").Resolve(c => c.Source.Paid);
        Field<NonNullGraphType<BooleanGraphType>>("refunded").Description("Refunded in full.").Resolve(c => c.Source.Refunded);
        Field<NonNullGraphType<BooleanGraphType>>("disputed").Resolve(c => c.Source.Disputed);
        Field<NonNullGraphType<DateTimeType>>("created").Resolve(c => c.Source.Created);
        Field<StringGraphType>("description").Resolve(c => c.Source.Description);
        Field<StringGraphType>("receiptUrl").Resolve(c => c.Source.ReceiptUrl);
        Field<StringGraphType>("failureCode").Resolve(c => c.Source.FailureCode);
        Field<StringGraphType>("failureMessage").Resolve(c => c.Source.FailureMessage);
        Field<StringGraphType>("paymentIntent").Description("The PaymentIntent's id.").Resolve(c => c.Source.PaymentIntent);
        Field<StringGraphType>("customer").Description("The Stripe customer's id.").Resolve(c => c.Source.Customer);
        Field<NonNullGraphType<JsonScalarType>>("metadata").Description("The charge's metadata as a JSON object.")
            .Resolve(c => c.Source.Metadata);
    }
}
