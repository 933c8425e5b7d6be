using Microsoft.Extensions.DependencyInjection;

namespace Gather.Infrastructure.Indexes.Operations;

/// <summary>Field indexes as a product feature, and the bound on building them.</summary>
public static class IndexesServiceCollectionExtensions
{
    public static IServiceCollection AddGatherIndexes(this IServiceCollection services)
    {
        services.AddSingleton<IndexService>();
        services.AddSingleton<IndexBuildBound>();
        return services;
    }
}
