using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Integrations.Operations;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Records;
using Microsoft.Extensions.DependencyInjection;

namespace Gather.Infrastructure.IntegrationTasks.Operations;

/// <summary>
/// Integration tasks: their state in the store, their triggers (Quartz, hosted by the API), their
/// runs (each kind's <see cref="IIntegrationTaskSync"/> comes with its integration).
/// </summary>
public static class IntegrationTasksServiceCollectionExtensions
{
    public static IServiceCollection AddGatherIntegrationTaskServices(this IServiceCollection services)
    {
        services.AddOptions<IntegrationTaskSettings>().BindConfiguration(IntegrationTaskSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IntegrationTaskScheduler>();
        services.AddSingleton<IRecordsSyncedListener>(sp => sp.GetRequiredService<IntegrationTaskScheduler>());
        services.AddSingleton<IntegrationTaskRunner>();
        services.AddSingleton<IntegrationTaskService>();
        services.AddSingleton<IIntegrationLifecycle, IntegrationTaskLifecycle>();
        services.AddSingleton<IntegrationTaskIndexes>();
        services.AddSingleton<IntegrationTaskSyncs>();
        return services;
    }
}
