using Microsoft.Extensions.DependencyInjection;

namespace Gather.Infrastructure.Models.Operations;

/// <summary>Models and their field catalogues.</summary>
public static class ModelsServiceCollectionExtensions
{
    public static IServiceCollection AddGatherModels(this IServiceCollection services)
    {
        services.AddOptions<ModelOptions>().BindConfiguration(ModelOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ModelService>();
        return services;
    }
}
