using System.Net;
using System.Text;
using Gather.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gather.Tests.Http;

/// <summary>
/// Behind a proxy every client arrives from the proxy's address. <c>X-Forwarded-For</c> names the
/// real client, and is believed only from an address in <c>Gather:Http:KnownProxies</c>; from any
/// other address (and from every address when the list is empty) it is ignored, so it cannot buy
/// a fresh rate-limit bucket. The requests carry made-up keys, so they use the address buckets.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Proxy = "10.0.0.7";

    private static WebApplicationFactory<Program> Start(GatherApiFactory factory) =>
        factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, TestPeer>()));

    private static GatherApiFactory Factory(params string[] knownProxies)
    {
        var settings = new Dictionary<string, string?>
        {
            [GatherApiFactory.SchedulerEnabled] = "false",
            ["Gather:RateLimits:PermitsPerSecondPerAddress"] = "1", ["Gather:RateLimits:BurstPerAddress"] = "2",
        };
        for (var i = 0; i < knownProxies.Length; i++)
            settings[$"Gather:Http:KnownProxies:{i}"] = knownProxies[i];
        return new GatherApiFactory(settings);
    }

    /// <summary>Statuses of made-up-key requests from <paramref name="peer"/>, each claiming the next forwarded-for value.</summary>
    private static async Task<List<HttpStatusCode>> SendAsync(WebApplicationFactory<Program> app, string peer, params string?[] forwardedFor)
    {
        var statuses = new List<HttpStatusCode>();
        foreach (var forwarded in forwardedFor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Authorization", "Token gth_made_up_0123456789abcdef");
            request.Headers.Add(TestPeer.Header, peer);
            if (forwarded is not null)
                request.Headers.Add("X-Forwarded-For", forwarded);
            using var response = await app.CreateClient().SendAsync(request);
            statuses.Add(response.StatusCode);
        }
        return statuses;
    }

    private static readonly HttpStatusCode[] ThirdLimited = [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests];
    private static readonly HttpStatusCode[] NoneLimited = [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized];

    [Fact]
    public async Task From_a_known_proxy_each_forwarded_client_has_its_own_bucket()
    {
        using var factory = Factory(Proxy);
        await using var app = Start(factory);

        var first = await SendAsync(app, Proxy, "203.0.113.5", "203.0.113.5", "203.0.113.5");
        var second = await SendAsync(app, Proxy, "203.0.113.6", "203.0.113.6");
        // The proxy appends the address it saw; what the client wrote before it is not believed.
        var spoofed = await SendAsync(app, Proxy, "198.51.100.1, 203.0.113.6", "198.51.100.2, 203.0.113.6");

        Assert.Equal(ThirdLimited, first);
        Assert.Equal(NoneLimited[..2], second);
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], spoofed);
    }

    [Fact]
    public async Task A_proxy_network_given_as_a_cidr_is_known()
    {
        using var factory = Factory("10.0.0.0/24", "2001:db8::/32");
        await using var app = Start(factory);

        var statuses = await SendAsync(app, "10.0.0.200", "203.0.113.1", "203.0.113.2", "203.0.113.3");
        var v6 = await SendAsync(app, "2001:db8::5", "203.0.113.4", "203.0.113.5", "203.0.113.6");

        Assert.Equal(NoneLimited, statuses);
        Assert.Equal(NoneLimited, v6);
    }

    [Fact]
    public async Task From_an_address_that_is_not_a_known_proxy_forwarded_for_is_ignored()
    {
        using var factory = Factory(Proxy);
        await using var app = Start(factory);

        var statuses = await SendAsync(app, "198.51.100.9", "203.0.113.1", "203.0.113.2", "203.0.113.3");

        Assert.Equal(ThirdLimited, statuses);
    }

    [Fact]
    public async Task With_no_known_proxies_no_address_is_trusted_not_even_loopback()
    {
        using var factory = Factory();
        await using var app = Start(factory);

        var loopback = await SendAsync(app, "127.0.0.1", "203.0.113.1", "203.0.113.2", "203.0.113.3");
        var v6Loopback = await SendAsync(app, "::1", "203.0.113.4", "203.0.113.5", "203.0.113.6");

        Assert.Equal(ThirdLimited, loopback);
        Assert.Equal(ThirdLimited, v6Loopback);
    }

    [Fact]
    public void A_known_proxy_that_is_not_an_address_stops_the_start_naming_the_option()
    {
        using var factory = Factory("10.0.0.300");

        var error = Record.Exception(() => factory.CreateClient());

        Assert.NotNull(error);
        Assert.Contains("Gather:Http:KnownProxies", error.ToString());
        Assert.Contains("10.0.0.300", error.ToString());
    }

    /// <summary>Sets the connection's remote address (the TCP peer) from a test header, as a socket would.</summary>
    private sealed class TestPeer : IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate following) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var peer))
                    context.Connection.RemoteIpAddress = peer;
                return following(context);
            });
            next(app);
        };
    }
}
