namespace Gather.Api.GraphQL;

/// <summary>Registers what bounds a GraphQL request before it runs: the document gate, the per-key cost budget and the per-team places.</summary>
public static class GraphQLRequestLimits
{
    public static IServiceCollection AddGraphQLRequestLimits(this IServiceCollection services)
    {
        services.AddSingleton<DocumentGate>();
        services.AddSingleton<CostBudget>();
        services.AddSingleton<TeamExecutionSlots>();
        return services;
    }
}
