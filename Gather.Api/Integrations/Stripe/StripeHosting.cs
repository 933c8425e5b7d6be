using Gather.Schema.Integrations.StripeIntegration;

namespace Gather.Api.Integrations.StripeIntegration;

/// <summary>The one call that plugs Stripe into Gather: its services, its schema part and its webhooks.</summary>
public static class StripeHosting
{
    public static IHostApplicationBuilder AddGatherStripe(this IHostApplicationBuilder builder)
    {
        builder.Services.AddStripeGraphQL();
        builder.Services.AddSingleton<StripeWebhookEndpoint>();
        builder.Services.AddSingleton<IIntegrationEndpoints>(sp => sp.GetRequiredService<StripeWebhookEndpoint>());
        return builder;
    }
}
