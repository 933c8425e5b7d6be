using Gather.Infrastructure.Records.Querying;
using Gather.Schema.Records;
using GraphQL.Types;
using GraphQL.Validation.Complexity;

namespace Gather.Schema.Common;

/// <summary>
/// How a query's cost is estimated. Introspection costs nothing: its size is bounded by the
/// schema itself, and IDEs must be able to load the schema under any complexity limit. A
/// record connection multiplies what it contains by its page size (`first`/`last`, else the
/// default page size), as HotChocolate's cost analysis does for paging; its `nodes` and `edges`
/// then count once, not again as lists. Everything else keeps graphql-dotnet's estimate.
/// </summary>
public static class QueryCost
{
    public static void Configure(ComplexityOptions complexity, GraphQLLimitsOptions limits, QueryOptions query)
    {
        complexity.MaxDepth = limits.MaxDepth;
        complexity.MaxComplexity = limits.MaxComplexity;
        var estimate = complexity.DefaultComplexityImpactDelegate;
        complexity.DefaultComplexityImpactDelegate = context =>
        {
            if (IsIntrospection(context))
                return new FieldComplexityResult(0, 1);
            if (IsConnection(context.FieldDefinition.ResolvedType))
            {
                var size = context.GetArgument<int?>("first", null) ?? context.GetArgument<int?>("last", null) ?? query.DefaultPageSize;
                return new FieldComplexityResult(1, Math.Clamp(size, 1, query.MaxPageSize));
            }
            if (IsConnection(context.ParentType) && context.FieldDefinition.Name is "nodes" or "edges")
                return new FieldComplexityResult(1, 1);
            return estimate(context);
        };
    }

    /// <summary>A page of records: the generic connections and each team's typed ones.</summary>
    private static bool IsConnection(IGraphType? type) =>
        (type is NonNullGraphType nonNull ? nonNull.ResolvedType : type) is ObjectGraphType<RecordConnection>;

    private static bool IsIntrospection(FieldImpactContext context) =>
        context.ParentType.Name.StartsWith("__", StringComparison.Ordinal)
        || context.FieldDefinition.Name is "__schema" or "__type";
}
