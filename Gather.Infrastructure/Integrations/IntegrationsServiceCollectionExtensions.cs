using Microsoft.Extensions.DependencyInjection;

namespace Gather.Infrastructure.Integrations;

/// <summary>Integrations: their secrets encrypted at rest, and Stripe behind one gateway with a bounded cache.</summary>
public static class IntegrationsServiceCollectionExtensions
{
    public static IServiceCollection AddGatherIntegrations(this IServiceCollection services)
    {
        services.AddSingleton<SecretProtector>();
        services.AddOptions<StripeOptions>().BindConfiguration(StripeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StripeGateway>();
        services.AddSingleton<IntegrationService>();
        services.AddMemoryCache(o => o.SizeLimit = 100_000);
        services.AddSingleton<StripeReader>();
        services.AddOptions<PublicUrlOptions>().BindConfiguration(PublicUrlOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
