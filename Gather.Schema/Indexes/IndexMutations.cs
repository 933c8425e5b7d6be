using Gather.Infrastructure.Indexes;
using Gather.Infrastructure.Indexes.Operations;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Security;
using Gather.Schema.Common;
using Gather.Schema.Errors;
using GraphQL;

namespace Gather.Schema.Indexes;

/// <summary>Adds <c>createIndex</c> and <c>dropIndex</c>. Indexes shape how views are served, like views themselves: MANAGE_VIEWS.</summary>
public sealed class IndexMutations : IMutationFields
{
    public void AddTo(MutationType mutation)
    {
        mutation.Field<GraphQL.Types.NonNullGraphType<CreateIndexPayloadType>>("createIndex")
            .Description("Holds an index on some fields of a model; asking again for the same fields returns the same index. Counts against Gather:Query:MaxIndexesPerTeam. Requires MANAGE_VIEWS.")
            .Argument<GraphQL.Types.NonNullGraphType<CreateIndexInputType>>("input")
            .RequireScope(ApiKeyScope.ManageViews)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var fields = (input.GetValueOrDefault("fields") as IEnumerable<object?>)?.OfType<Dictionary<string, object?>>()
                    .Select(f => new IndexFieldInput(f.GetValueOrDefault("field") as string,
                        f.GetValueOrDefault("direction") is SortDirection direction ? direction : SortDirection.Ascending))
                    .ToList();
                return Payload<TeamIndex>.Of(await c.Service<IndexService>().CreateAsync(c.TeamStore(), input.GetValueOrDefault("modelId") as string,
                    fields, c.CancellationToken));
            });

        mutation.Field<GraphQL.Types.NonNullGraphType<DropIndexPayloadType>>("dropIndex")
            .Description("Lets go of the index createIndex holds; it is dropped unless a view or task still needs it, and the answer says which. Requires MANAGE_VIEWS.")
            .Argument<GraphQL.Types.NonNullGraphType<DropIndexInputType>>("input")
            .RequireScope(ApiKeyScope.ManageViews)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                return Payload<DroppedIndex>.Of(await c.Service<IndexService>().DropAsync(c.TeamStore(), input.GetValueOrDefault("id") as string,
                    c.CancellationToken));
            });
    }
}
