using Gather.Api.Ide;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Gather.Api.Hosting;

/// <summary>
/// Says where to go once the server listens: the console and Banana Cake Pop, at the address a
/// person can open (a wildcard binding such as <c>http://[::]:5000</c> reads as localhost), so the
/// first start needs no guessing.
/// </summary>
public sealed class ReadyBanner(IServer server, IHostApplicationLifetime lifetime, Gather.Api.WebConsole.WebConsole console, BananaCakePop ide,
    ILogger<ReadyBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Announce);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Announce()
    {
        // The tests' in-memory server has no addresses: nothing to announce there.
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.Select(Openable).FirstOrDefault();
        if (address is null)
            return;
        logger.LogInformation("Gather is ready. Console: {Console}  Banana Cake Pop: {Ide}  (sign in with an API key)",
            console.IsServed ? address + "/" : "off (Gather:Console:Enabled, or not built)",
            ide.IsServed ? address + "/graphql" : "off (Gather:Ide:Enabled)");
    }

    internal static string Openable(string address)
    {
        var uri = new Uri(address.Replace("://+", "://localhost").Replace("://*", "://localhost"));
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        return $"{uri.Scheme}://{host}:{uri.Port}";
    }
}
