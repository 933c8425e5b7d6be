using Gather.Infrastructure.Relationships;
using Gather.Schema.Records;
using Gather.Schema.Relationships;
using GraphQL.Types;

namespace Gather.Schema.StandardModels;

/// <summary>A record of the standard Account model.</summary>
public sealed class AccountType : ObjectGraphType<RecordNode>
{
    public AccountType()
    {
        Name = "Account";
        Description = "A company your team works with, keyed by its name.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("The account's name, its ID field.")
            .Resolve(c => StandardRecordFields.Text(c.Source, "name"));
        Field<CustomersConnectionType>("customers")
            .Description("The account's customers: those whose `account` field holds this account's name.")
            .WithRelatedListArguments()
            .ResolveAsync(c => RelatedRecords.ConnectionAsync(c, StandardRelationships.AccountCustomers));
        StandardRecordFields.Add(this, "name");
        RelationshipFields.AddTo(this);
    }
}

public sealed class AccountsConnectionType() : RecordConnectionGraphType<AccountType, AccountsEdgeType>(
    "AccountsConnection", "A page of accounts.");

public sealed class AccountsEdgeType() : RecordEdgeGraphType<AccountType>("AccountsEdge");
