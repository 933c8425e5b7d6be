using Gather.Infrastructure.Security;
using Gather.Infrastructure.Security.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace Gather.Infrastructure.Teams.Operations;

/// <summary>Teams and their API keys: the first team and key at start-up, and the keys' rules.</summary>
public static class TeamsServiceCollectionExtensions
{
    public static IServiceCollection AddGatherTeams(this IServiceCollection services)
    {
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);
        services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApiKeyService>();
        services.AddSingleton<OneTimeSecretConsole>();
        services.AddSingleton<TeamBootstrapper>();
        return services;
    }
}
