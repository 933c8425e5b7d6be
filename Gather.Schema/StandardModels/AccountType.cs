using Gather.Schema.Records;
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
        StandardRecordFields.Add(this, "name");
    }
}

public sealed class AccountsConnectionType() : RecordConnectionGraphType<AccountType, AccountsEdgeType>(
    "AccountsConnection", "A page of accounts.");

public sealed class AccountsEdgeType() : RecordEdgeGraphType<AccountType>("AccountsEdge");
