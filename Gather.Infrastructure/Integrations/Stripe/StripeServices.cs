using Gather.Infrastructure.IntegrationTasks.Operations;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Integrations.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>
/// Stripe's part below the schema: what it brings (<see cref="StripeDefinition"/>), its gateway
/// with its options and cached reader, its two task kinds, its webhooks, and its part in connecting.
/// </summary>
public static class StripeServices
{
    public static IServiceCollection AddStripeIntegration(this IServiceCollection services)
    {
        services.AddGatherIntegration(StripeDefinition.Instance);
        services.AddOptions<StripeOptions>().BindConfiguration(StripeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StripeTaskSettings>().BindConfiguration(StripeTaskSettings.Section);
        services.AddSingleton<StripeGateway>();
        services.AddSingleton<StripeReader>();
        services.AddSingleton<StripeConnection>();
        services.AddSingleton<StripeChargesOptions>();
        services.AddSingleton<StripeChargesSync>();
        services.AddSingleton<IIntegrationTaskSync>(sp => sp.GetRequiredService<StripeChargesSync>());
        services.AddSingleton<StripeCustomersSync>();
        services.AddSingleton<IIntegrationTaskSync>(sp => sp.GetRequiredService<StripeCustomersSync>());
        services.AddSingleton<StripeWebhooks>();
        services.AddSingleton<IIntegrationTasksWatcher>(sp => sp.GetRequiredService<StripeWebhooks>());
        services.AddSingleton<StripeWebhookVerifier>();
        services.AddSingleton<StripeWebhookReceiver>();
        services.AddSingleton<IIntegrationLifecycle, StripeTaskLifecycle>();
        return services;
    }
}
