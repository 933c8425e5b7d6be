using Microsoft.Extensions.DependencyInjection;

namespace Gather.Infrastructure.Relationships.Operations;

/// <summary>Relationships between models.</summary>
public static class RelationshipsServiceCollectionExtensions
{
    public static IServiceCollection AddGatherRelationships(this IServiceCollection services)
    {
        services.AddOptions<RelationshipOptions>().BindConfiguration(RelationshipOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RelationshipService>();
        return services;
    }
}
