using Gather.Infrastructure.Integrations.Operations;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Security;
using Gather.Schema.Common;
using GraphQL;
using GraphQL.Types;

namespace Gather.Schema.Integrations;

/// <summary>Adds <c>integrations</c> to the root query. Requires READ.</summary>
public sealed class IntegrationQueries : IQueryFields
{
    public void AddTo(QueryType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntegrationType>>>>("integrations")
            .Description("The team's connected integrations. Requires READ.")
            .RequireScope(ApiKeyScope.Read)
            .ResolveAsync(async c => await c.Service<IntegrationService>().ListAsync(c.TeamStore(), c.CancellationToken));
}
