using Gather.Infrastructure.Models.Operations;
using Gather.Infrastructure.Security;
using Gather.Schema.Common;
using GraphQL;
using GraphQL.Types;

namespace Gather.Schema.Models;

/// <summary>Adds <c>models</c> and <c>model</c> to the root query. Both require READ.</summary>
public sealed class ModelQueries : IQueryFields
{
    public void AddTo(QueryType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ModelType>>>>("models")
            .Description("The team's models: standard ones first, then by name. Requires READ.")
            .RequireScope(ApiKeyScope.Read)
            .ResolveAsync(async c => await c.Service<ModelService>().ListAsync(c.TeamStore(), c.CancellationToken));

        query.Field<ModelType>("model")
            .Description("One model by id, or null. Requires READ.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The model's id.")
            .RequireScope(ApiKeyScope.Read)
            .ResolveAsync(async c => await c.Service<ModelService>().GetAsync(c.TeamStore(), c.GetArgument<string>("id"), c.CancellationToken));
    }
}
