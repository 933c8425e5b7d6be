using Gather.Infrastructure.Relationships;
using Gather.Schema.Records;
using GraphQL.Types;
using Standard = Gather.Infrastructure.Models.StandardModels;

namespace Gather.Schema.StandardModels;

/// <summary>A record of the standard Account model.</summary>
public sealed class AccountType : ObjectGraphType<RecordNode>
{
    public static readonly RecordTypeNames Names = RecordTypeNames.Standard(Standard.Account);

    public AccountType()
    {
        Name = Names.Type;
        Description = "A company your team works with, keyed by its name.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("The account's name, its ID field.")
            .Resolve(c => StandardRecordFields.Text(c.Source, "name"));
        new RecordTypeBuilder(this)
            .Relationship(RecordRelationshipFields.ToMany("customers", StandardRelationships.AccountCustomers, GraphTypeRef.Of<CustomersConnectionType>(),
                RecordListArguments.Generic(RecordListKind.Related), "The account's customers: those whose `account` field holds this account's name."))
            .Id(StandardRecordFields.IdDescription)
            .OtherFields("name")
            .Attached()
            .Times()
            .Navigation();
    }
}

public sealed class AccountsConnectionType() : RecordConnectionGraphType<AccountType, AccountsEdgeType>(AccountType.Names, "A page of accounts.");

public sealed class AccountsEdgeType() : RecordEdgeGraphType<AccountType>(AccountType.Names);
