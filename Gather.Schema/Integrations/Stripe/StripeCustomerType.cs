using Gather.Infrastructure.Integrations.StripeIntegration;
using Gather.Schema.Common;
using GraphQL.Types;
using Gather.Infrastructure.Integrations;

namespace Gather.Schema.Integrations.StripeIntegration;

/// <summary>A Stripe customer, fetched from Stripe on demand.</summary>
public sealed class StripeCustomerType : ObjectGraphType<StripeCustomer>
{
    public StripeCustomerType()
    {
        Name = "StripeCustomer";
        Description = "A customer in Stripe, read from Stripe when asked for.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<StringGraphType>("email").Resolve(c => c.Source.Email);
        Field<StringGraphType>("name").Resolve(c => c.Source.Name);
        Field<StringGraphType>("description").Resolve(c => c.Source.Description);
        Field<StringGraphType>("currency").Resolve(c => c.Source.Currency);
        Field<NonNullGraphType<LongGraphType>>("balance").Description("In the smallest currency unit; negative is credit.").Resolve(c => c.Source.Balance);
        Field<BooleanGraphType>("delinquent").Resolve(c => c.Source.Delinquent);
        Field<NonNullGraphType<DateTimeType>>("created").Resolve(c => c.Source.Created);
        Field<NonNullGraphType<JsonScalarType>>("metadata").Resolve(c => c.Source.Metadata);
    }
}
