using Gather.Infrastructure.Indexes.Operations;
using Gather.Infrastructure.Security;
using Gather.Infrastructure.Validation;
using Gather.Schema.Common;
using Gather.Schema.Errors;
using Gather.Schema.Loading;
using GraphQL;
using GraphQL.Types;

namespace Gather.Schema.Indexes;

/// <summary>Adds <c>indexes</c> to the root query (READ).</summary>
public sealed class IndexQueries : IQueryFields
{
    public void AddTo(QueryType query) =>
        query.Field<ListGraphType<NonNullGraphType<IndexType>>>("indexes")
            .Description("The team's indexes, oldest first, with who holds each, whether it is built and its size; only those of one model when `modelId` is given. Requires READ.")
            .Argument<IdGraphType>("modelId", "Only the indexes of this model.")
            .RequireScope(ApiKeyScope.Read)
            .ResolveAsync(async c =>
            {
                var modelId = c.GetArgument<string?>("modelId");
                if (modelId is not null && (await c.TeamModelsAsync()).All(m => m.Id != modelId))
                {
                    c.Report([new NotFoundProblem(modelId, $"No model with id '{modelId}' exists in this team; `models {{ id name }}` lists them.")]);
                    return null;
                }
                return await c.Service<IndexService>().ListAsync(c.TeamStore(), modelId, c.CancellationToken);
            });
}
