using Gather.Infrastructure.IntegrationPlugins;
using Microsoft.Extensions.DependencyInjection;

namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>Stripe's part below the schema: what it brings (<see cref="StripeDefinition"/>).</summary>
public static class StripeServices
{
    public static IServiceCollection AddStripeIntegration(this IServiceCollection services) =>
        services.AddGatherIntegration(StripeDefinition.Instance);
}
