using Microsoft.Extensions.DependencyInjection;

namespace Gather.Infrastructure.Views.Operations;

/// <summary>Saved views and the indexes they hold.</summary>
public static class ViewsServiceCollectionExtensions
{
    public static IServiceCollection AddGatherViews(this IServiceCollection services)
    {
        services.AddOptions<ViewOptions>().BindConfiguration(ViewOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ViewService>();
        services.AddSingleton<ViewIndexes>();
        return services;
    }
}
