using System.Net.Http.Json;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>An operation that runs past Gather:GraphQL:ExecutionTimeoutSeconds is cut off with an error, not left to run.</summary>
public sealed class ExecutionTimeoutTests : IAsyncLifetime
{
    private FakeStripeServer _stripe = null!;
    private GatherApiFactory _app = null!;

    public async Task InitializeAsync()
    {
        _stripe = await FakeStripeServer.StartAsync(customers: 5);
        _app = new GatherApiFactory(new Dictionary<string, string?>
        {
            ["Gather:Stripe:ApiBase"] = _stripe.Address.ToString(), ["Gather:GraphQL:ExecutionTimeoutSeconds"] = "8",
            ["Gather:Stripe:TimeoutSeconds"] = "120", [GatherApiFactory.SchedulerEnabled] = "false",
        });
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _stripe.DisposeAsync();
    }

    [Fact]
    public async Task A_slow_operation_is_stopped_at_the_execution_time_limit()
    {
        var admin = _app.CreateClient(GatherApiFactory.AdminKey);
        await IntegrationTaskSteps.ConnectStripeAsync(admin);
        var customer = (await admin.PostGraphQLAsync("{ models { id name } }")).Data!["models"]!.AsArray()
            .Single(m => m!["name"]!.GetValue<string>() == "Customer")!["id"]!.GetValue<string>();
        (await admin.PostAsJsonAsync($"/models/{customer}/records", new { email = "customer1@example.com" })).EnsureSuccessStatusCode();
        // Stripe answers this lookup only after 60 s (the limit is 8 s: room for connectStripe's own check on a loaded machine).
        await _stripe.InjectAsync("/v1/customers/search", 200, delayMilliseconds: 60_000);

        var result = await admin.PostGraphQLAsync("{ customers { nodes { email stripeCustomer { id } } } }");

        // Left alone, the lookup would succeed after 60 s with no error; the limit cut it off.
        Assert.NotNull(result.Errors);
        var messages = string.Join(" | ", result.Errors!.Select(e => e!["message"]!.GetValue<string>()));
        Assert.Contains("timed out", messages, StringComparison.OrdinalIgnoreCase);
    }
}
