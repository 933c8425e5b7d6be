using System.Net.Http.Json;
using Gather.FakeStripe;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace Gather.Tests.Support;

/// <summary>The fake Stripe API on a loopback port of its own, with a Stripe.net client pointed at it.</summary>
public sealed class FakeStripeServer : IAsyncDisposable
{
    public const string SecretKey = "sk_test_gather_fake_for_tests_0123";

    private readonly WebApplication _app;

    private FakeStripeServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    /// <summary>A plain client: no key is sent unless the request adds one.</summary>
    public HttpClient Http { get; }

    public FaultPlan Faults => _app.Services.GetRequiredService<FaultPlan>();

    public static async Task<FakeStripeServer> StartAsync(int customers = 20, int chargesPerCustomer = 3)
    {
        var app = FakeStripeApp.Build(["--urls", "http://127.0.0.1:0"], o =>
        {
            o.SecretKey = SecretKey;
            o.Customers = customers;
            o.ChargesPerCustomer = chargesPerCustomer;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new FakeStripeServer(app, new Uri(address));
    }

    /// <summary>Stripe.net as Gather will use it, against the fake; <paramref name="retries"/> is Stripe.net's own.</summary>
    public StripeClient Client(string? key = SecretKey, int retries = 0) =>
        new(new StripeClientOptions
        {
            ApiKey = key,
            ApiBase = Address.ToString().TrimEnd('/'),
            HttpClient = new SystemNetHttpClient(new HttpClient(), retries),
        });

    public async Task InjectAsync(string pathPrefix, int status, int times = 1, string? queryContains = null, int delayMilliseconds = 0) =>
        (await Http.PostAsJsonAsync("/_fake/faults", new FaultPlan.Fault(pathPrefix, queryContains, status, times, delayMilliseconds)))
        .EnsureSuccessStatusCode();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
