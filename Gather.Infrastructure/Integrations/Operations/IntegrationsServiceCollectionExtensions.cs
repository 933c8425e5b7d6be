using Gather.Infrastructure.Integrations;
using Microsoft.Extensions.DependencyInjection;

namespace Gather.Infrastructure.Integrations.Operations;

/// <summary>Integrations: their secrets encrypted at rest, a bounded cache for what they read, and the public URL their webhooks come to.</summary>
public static class IntegrationsServiceCollectionExtensions
{
    public static IServiceCollection AddGatherIntegrations(this IServiceCollection services)
    {
        services.AddSingleton<SecretProtector>();
        services.AddSingleton<IntegrationService>();
        services.AddMemoryCache(o => o.SizeLimit = 100_000);
        services.AddOptions<PublicUrlOptions>().BindConfiguration(PublicUrlOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
