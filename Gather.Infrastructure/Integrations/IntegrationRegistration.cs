using Gather.Infrastructure.Records;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gather.Infrastructure.Integrations;

/// <summary>How an integration makes itself known; its own <c>Add…</c> call makes this one call with what it provides.</summary>
public static class IntegrationRegistration
{
    public static IServiceCollection AddGatherIntegration(this IServiceCollection services, IntegrationDefinition integration)
    {
        // Sections are known process-wide (see AttachedData), the rest per host.
        foreach (var section in integration.Sections)
            AttachedData.Register(section);
        services.AddSingleton(integration);
        services.TryAddSingleton<IntegrationCatalog>();
        return services;
    }
}
