using Gather.Infrastructure.Models;
using Standard = Gather.Infrastructure.Models.StandardModels;
using Gather.Infrastructure.Security;
using Gather.Schema.Common;
using Gather.Schema.Records;
using GraphQL;
using GraphQL.Types;

namespace Gather.Schema.StandardModels;

/// <summary>Typed entry points for the standard models: <c>accounts</c>, <c>account</c>, <c>customers</c>, <c>customer</c>. All require READ.</summary>
public sealed class StandardModelQueries : IQueryFields
{
    public void AddTo(QueryType query)
    {
        query.Field<AccountsConnectionType>("accounts")
            .Description("The team's accounts, with the same filtering, sorting, search and paging as `records`. Requires READ.")
            .WithRecordListArguments()
            .RequireScope(ApiKeyScope.Read)
            .ResolveAsync(async c => await StandardModelAsync(c, Standard.Account) is { } model
                ? await RecordArguments.ResolveConnectionAsync(c, model) : null);

        query.Field<AccountType>("account")
            .Description("One account by name, or null. Requires READ.")
            .Argument<NonNullGraphType<StringGraphType>>("name", "The account's name.")
            .RequireScope(ApiKeyScope.Read)
            .ResolveAsync(async c => await StandardModelAsync(c, Standard.Account) is { } model
                ? await RecordQueries.RecordByKeyAsync(c, model, c.GetArgument<string>("name")) : null);

        query.Field<CustomersConnectionType>("customers")
            .Description("The team's customers, with the same filtering, sorting, search and paging as `records`. Requires READ.")
            .WithRecordListArguments()
            .RequireScope(ApiKeyScope.Read)
            .ResolveAsync(async c => await StandardModelAsync(c, Standard.Customer) is { } model
                ? await RecordArguments.ResolveConnectionAsync(c, model) : null);

        query.Field<CustomerType>("customer")
            .Description("One customer by email, or null. Requires READ.")
            .Argument<NonNullGraphType<StringGraphType>>("email", "The customer's email.")
            .RequireScope(ApiKeyScope.Read)
            .ResolveAsync(async c => await StandardModelAsync(c, Standard.Customer) is { } model
                ? await RecordQueries.RecordByKeyAsync(c, model, c.GetArgument<string>("email")) : null);
    }

    private static Task<Model?> StandardModelAsync(IResolveFieldContext context, string name) =>
        ModelArgument.FindAsync(context, Standard.IdFor(context.Caller().TeamId, name));
}
