using Gather.Infrastructure.Integrations.StripeIntegration;
using Gather.Schema.Records;
using Gather.Schema.StandardModels;
using Microsoft.Extensions.DependencyInjection;

namespace Gather.Schema.Integrations.StripeIntegration;

/// <summary>Stripe's part of the schema and below: what it brings, and the charge section typed record types show.</summary>
public static class StripeGraphQL
{
    public static IServiceCollection AddStripeGraphQL(this IServiceCollection services)
    {
        services.AddStripeIntegration();
        services.AddSingleton<AttachedSection>(StripeChargeSection.Instance);
        services.AddSingleton<IIntegrationRecords, StripeRecords>();
        services.AddSingleton<ICustomerFields, StripeFieldsOfCustomer>();
        services.AddSingleton<IConnectIntegrationFields, ConnectStripeMutation>();
        return services;
    }
}
