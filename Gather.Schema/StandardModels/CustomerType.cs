using Standard = Gather.Infrastructure.Models.StandardModels;
using Gather.Infrastructure.Relationships;
using Gather.Schema.Records;
using GraphQL.Types;

namespace Gather.Schema.StandardModels;

/// <summary>A record of the standard Customer model.</summary>
public sealed class CustomerType : ObjectGraphType<RecordNode>
{
    public static readonly RecordTypeNames Names = RecordTypeNames.Standard(Standard.Customer);

    public CustomerType(IEnumerable<ICustomerFields> integrations)
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
        foreach (var integration in integrations)
            integration.AddTo(this);
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
