using Gather.Infrastructure.Models;
using Standard = Gather.Infrastructure.Models.StandardModels;
using Gather.Schema.Records;
using GraphQL.Types;

namespace Gather.Schema.StandardModels;

/// <summary>A record of the standard Customer model.</summary>
public sealed class CustomerType : ObjectGraphType<RecordNode>
{
    public CustomerType()
    {
        Name = "Customer";
        Description = "A person at an account, keyed by email.";
        Field<NonNullGraphType<StringGraphType>>("email").Description("The customer's email, its ID field.")
            .Resolve(c => StandardRecordFields.Text(c.Source, "email"));
        // `account` is kept free for navigating to the Account itself (relationships).
        Field<StringGraphType>("accountName").Description("The name of the customer's account: the record's `account` field.")
            .Resolve(c => StandardRecordFields.Text(c.Source, Standard.CustomerAccountField));
        StandardRecordFields.Add(this, "email", Standard.CustomerAccountField);
    }
}

public sealed class CustomersConnectionType() : RecordConnectionGraphType<CustomerType, CustomersEdgeType>(
    "CustomersConnection", "A page of customers.");

public sealed class CustomersEdgeType() : RecordEdgeGraphType<CustomerType>("CustomersEdge");
