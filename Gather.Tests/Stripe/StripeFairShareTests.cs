using Gather.Infrastructure.Integrations.StripeIntegration;
using System.Collections.Concurrent;
using Gather.Infrastructure.Integrations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gather.Tests.Stripe;

/// <summary>
/// Stripe's concurrency shared fairly between teams, by counts: a team holds at most its share of
/// the permits, and a team that asks while another saturates gets one. Once seen: one team's query
/// fanning out to 500 calls made another team's 5-customer query wait for all of them.
/// </summary>
public sealed class StripeFairShareTests
{
    [Fact]
    public async Task A_team_holds_at_most_its_share_and_a_free_permit_goes_to_the_waiting_team_with_fewest_in_flight()
    {
        var limiter = new StripeConcurrency(total: 8, perTeam: 4);
        var a = Enumerable.Range(0, 14).Select(_ => limiter.AcquireAsync("team_a", CancellationToken.None)).ToList();
        var c = Enumerable.Range(0, 14).Select(_ => limiter.AcquireAsync("team_c", CancellationToken.None)).ToList();
        using var cancel = new CancellationTokenSource();
        var abandoned = limiter.AcquireAsync("team_b", cancel.Token);
        var b = limiter.AcquireAsync("team_b", CancellationToken.None);
        var saturated = (limiter.InFlight("team_a"), limiter.InFlight("team_c"), b.IsCompleted);

        await cancel.CancelAsync();
        (await a.First(t => t.IsCompleted)).Dispose(); // One of A's calls finishes: B is next, not A's queue.
        // The permit is B's as soon as the lock is released; B's await resumes on the thread pool, later.
        var afterOneRelease = (limiter.InFlight("team_a"), limiter.InFlight("team_b"));
        (await b).Dispose();
        var afterB = (limiter.InFlight("team_a"), limiter.InFlight("team_b"), limiter.InFlight("team_c"));

        Assert.Equal((4, 4, false), saturated);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Equal((3, 1), afterOneRelease);
        Assert.Equal((4, 0, 4), afterB); // B's permit went back to A (fewer in flight than C), still within A's share.
    }

    [Fact]
    public async Task Through_the_gateway_a_team_fanning_out_never_has_more_than_its_share_in_flight_and_another_team_still_gets_through()
    {
        await using var stripe = await CountingStripe.StartAsync();
        using var gateway = new StripeGateway(Options.Create(new StripeOptions { ApiBase = stripe.Address, MaxConcurrency = 8 }),
            NullLogger<StripeGateway>.Instance);

        // Team A's query fans out (as charges by id do): 60 calls at once, none answered yet.
        var fanOut = Enumerable.Range(0, 60).Select(i => gateway.GetAsync("team_a", $"/v1/charges/ch_{i}", [], "sk_team_a", CancellationToken.None)).ToList();
        await stripe.WaitForAsync("sk_team_a", 4);
        var other = gateway.GetAsync("team_b", "/v1/customers", [], "sk_team_b", CancellationToken.None);
        await stripe.WaitForAsync("sk_team_b", 1);
        var whileSaturated = (stripe.InFlight("sk_team_a"), stripe.InFlight("sk_team_b"));
        stripe.Answer("sk_team_b");
        await other;
        stripe.Answer("sk_team_a");
        await Task.WhenAll(fanOut);

        Assert.Equal((4, 1), whileSaturated); // B got a permit while A was at its share (half of 8).
        Assert.Equal(4, stripe.MostInFlight("sk_team_a"));
        Assert.Equal(61, stripe.Answered);
    }

    /// <summary>A Stripe stand-in that holds every request until told to answer its key, counting requests in flight per key.</summary>
    private sealed class CountingStripe : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<string, int> _inFlight = new(), _most = new();
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
        private WebApplication _app = null!;
        private int _answered;

        public string Address { get; private set; } = "";

        public int Answered => _answered;

        public static async Task<CountingStripe> StartAsync()
        {
            var stripe = new CountingStripe();
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            stripe._app = builder.Build();
            stripe._app.Run(stripe.HandleAsync);
            await stripe._app.StartAsync();
            stripe.Address = stripe._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return stripe;
        }

        private async Task HandleAsync(HttpContext context)
        {
            var key = context.Request.Headers.Authorization.ToString()["Bearer ".Length..];
            var now = _inFlight.AddOrUpdate(key, 1, (_, n) => n + 1);
            _most.AddOrUpdate(key, now, (_, n) => Math.Max(n, now));
            await Gate(key).Task;
            _inFlight.AddOrUpdate(key, 0, (_, n) => n - 1);
            Interlocked.Increment(ref _answered);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"object":"list","data":[],"has_more":false,"url":"/v1/x"}""");
        }

        private TaskCompletionSource Gate(string key) =>
            _gates.GetOrAdd(key, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

        public int InFlight(string key) => _inFlight.GetValueOrDefault(key);

        public int MostInFlight(string key) => _most.GetValueOrDefault(key);

        public void Answer(string key) => Gate(key).TrySetResult();

        /// <summary>Waits (bounded) until <paramref name="count"/> of the key's requests are held here.</summary>
        public async Task WaitForAsync(string key, int count)
        {
            for (var i = 0; i < 400 && InFlight(key) < count; i++)
                await Task.Delay(25);
            Assert.Equal(count, InFlight(key));
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var gate in _gates.Values)
                gate.TrySetResult();
            await _app.DisposeAsync();
        }
    }
}
