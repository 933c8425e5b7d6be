using Gather.Infrastructure.Teams.Operations;
using Microsoft.Extensions.Hosting;

namespace Gather.Infrastructure.Storage.Hosting;

/// <summary>
/// Prepares the store before the server takes requests: schema and indexes first, then the
/// first team. A failure here stops start-up with the reason, rather than serving errors.
/// </summary>
public sealed class StoreStartup(IStoreInitializer initializer, TeamBootstrapper bootstrapper) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await initializer.InitializeAsync(cancellationToken);
        await bootstrapper.EnsureBootstrappedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
