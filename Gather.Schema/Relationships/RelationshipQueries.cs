using Gather.Infrastructure.Security;
using Gather.Schema.Common;
using Gather.Schema.Loading;
using GraphQL;
using GraphQL.Types;

namespace Gather.Schema.Relationships;

/// <summary>Adds <c>relationships</c> to the root query. Requires READ.</summary>
public sealed class RelationshipQueries : IQueryFields
{
    public void AddTo(QueryType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationshipType>>>>("relationships")
            .Description("The team's relationships, the built-in one first; with `modelId`, those navigable from that model. Requires READ.")
            .Argument<IdGraphType>("modelId", "Only relationships starting from or leading to this model.")
            .RequireScope(ApiKeyScope.Read)
            .ResolveAsync(async c =>
            {
                var relationships = await c.TeamRelationshipsAsync();
                return c.GetArgument<string?>("modelId") is { } modelId
                    ? relationships.Where(r => r.FromModelId == modelId || r.ToModelId == modelId).ToList()
                    : relationships;
            });
}
