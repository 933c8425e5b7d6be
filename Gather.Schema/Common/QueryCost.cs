using GraphQL.Validation.Complexity;

namespace Gather.Schema.Common;

/// <summary>
/// How a query's cost is estimated. Introspection costs nothing: its size is bounded by the
/// schema itself, and IDEs must be able to load the schema under any complexity limit.
/// Everything else keeps graphql-dotnet's estimate (lists multiply what they contain).
/// </summary>
public static class QueryCost
{
    public static void Configure(ComplexityOptions complexity, GraphQLLimitsOptions limits)
    {
        complexity.MaxDepth = limits.MaxDepth;
        complexity.MaxComplexity = limits.MaxComplexity;
        var estimate = complexity.DefaultComplexityImpactDelegate;
        complexity.DefaultComplexityImpactDelegate = context =>
            IsIntrospection(context) ? new FieldComplexityResult(0, 1) : estimate(context);
    }

    private static bool IsIntrospection(FieldImpactContext context) =>
        context.ParentType.Name.StartsWith("__", StringComparison.Ordinal)
        || context.FieldDefinition.Name is "__schema" or "__type";
}
