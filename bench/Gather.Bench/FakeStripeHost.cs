using Gather.FakeStripe;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Gather.Bench;

/// <summary>The fake Stripe in the harness process, on a loopback port of its own, for the Stripe benchmarks.</summary>
public sealed class FakeStripeHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeStripeHost(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The base address, e.g. http://127.0.0.1:40123.</summary>
    public string Address { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<FakeStripeHost> StartAsync(Action<FakeStripeOptions> configure)
    {
        var app = FakeStripeApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], configure);
        await app.StartAsync();
        return new FakeStripeHost(app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
