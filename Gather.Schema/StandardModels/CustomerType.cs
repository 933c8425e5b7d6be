using Standard = Gather.Infrastructure.Models.StandardModels;
using Gather.Infrastructure.Relationships;
using Gather.Schema.Records;
using Gather.Schema.Integrations.StripeIntegration;
using GraphQL.Types;

namespace Gather.Schema.StandardModels;

/// <summary>A record of the standard Customer model.</summary>
public sealed class CustomerType : ObjectGraphType<RecordNode>
{
    public static readonly RecordTypeNames Names = RecordTypeNames.Standard(Standard.Customer);

    public CustomerType()
    {
        Name = Names.Type;
        Description = "A person at an account, keyed by email.";
        Field<NonNullGraphType<StringGraphType>>("email").Description("The customer's email, its ID field.")
            .Resolve(c => StandardRecordFields.Text(c.Source, "email"));
        Field<StringGraphType>("accountName").Description("The name of the customer's account: the record's `account` field.")
            .Resolve(c => StandardRecordFields.Text(c.Source, Standard.CustomerAccountField));
        var record = new RecordTypeBuilder(this);
        record.Relationship(RecordRelationshipFields.ToOne("account", StandardRelationships.CustomerAccount, GraphTypeRef.Of<AccountType>(),
            "The customer's account: the Account named by its `account` field; null when there is none."));
        Field<StripeCustomerType>("stripeCustomer")
            .Description("The Stripe customer with this customer's email (the newest, if several), read from Stripe; null when there is none.")
            .ResolveAsync(CustomerStripeFields.StripeCustomerAsync);
        Field<StripeChargesConnectionType>("charges")
            .Description("This customer's Stripe charges, newest first, through the Stripe customer with the same email; read from Stripe.")
            .Argument<IntGraphType>("first", $"Page size, 1 to {CustomerStripeFields.MaxChargesPage} (default {CustomerStripeFields.DefaultChargesPage}).")
            .Argument<StringGraphType>("after", "A charge id (a previous page's `endCursor`) to read on from.")
            .ResolveAsync(CustomerStripeFields.ChargesAsync);
        record
            .Id(StandardRecordFields.IdDescription)
            .OtherFields("email", Standard.CustomerAccountField)
            .Attached()
            .Times()
            .Navigation();
    }
}

public sealed class CustomersConnectionType() : RecordConnectionGraphType<CustomerType, CustomersEdgeType>(CustomerType.Names, "A page of customers.");

public sealed class CustomersEdgeType() : RecordEdgeGraphType<CustomerType>(CustomerType.Names);
