using Gather.Infrastructure.Security;
using Gather.Infrastructure.Security.Operations;
using Gather.Schema.Common;
using GraphQL.Types;

namespace Gather.Schema.ApiKeys;

/// <summary>Adds <c>apiKeys</c> to the root query.</summary>
public sealed class ApiKeyQueries : IQueryFields
{
    public void AddTo(QueryType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApiKeyType>>>>("apiKeys")
            .Description("The team's API keys, newest first, revoked ones included. Requires ADMIN.")
            .RequireScope(ApiKeyScope.Admin)
            .ResolveAsync(async context =>
                await context.Service<ApiKeyService>().ListAsync(context.TeamStore(), context.CancellationToken));
}
