using System.Net.Http.Json;
using Gather.Tests.Support;

namespace Gather.Tests.Stripe;

/// <summary>Customer.stripeCustomer and Customer.charges, read from the fake Stripe on demand: batched, cached, failing per field.</summary>
public sealed class StripeChargesGraphQLTests : IAsyncLifetime
{
    private const string Query = """
        { customers(first: 20, order: [{ field: "email" }]) { nodes {
            email stripeCustomer { id name } charges(first: 5) { nodes { id amount status paid customer } pageInfo { hasNextPage } } } } }
        """;

    private FakeStripeServer _stripe = null!;
    private GatherApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _stripe = await FakeStripeServer.StartAsync(customers: 30, chargesPerCustomer: 3);
        _factory = new GatherApiFactory(new Dictionary<string, string?>
        {
            ["Gather:Stripe:ApiBase"] = _stripe.Address.ToString(), [GatherApiFactory.SchedulerEnabled] = "false",
            ["Gather:Stripe:RetryBaseDelayMilliseconds"] = "5",
            ["Gather:Stripe:MaxRetries"] = "2",
        });
    }

    public async Task DisposeAsync()
    {
        _factory.Dispose();
        await _stripe.DisposeAsync();
    }

    private HttpClient Admin => _factory.CreateClient(GatherApiFactory.AdminKey);

    /// <summary>20 Gather customers: customer0…18@example.com exist in Stripe, nobody@example.com does not.</summary>
    private async Task SeedAsync(bool connect = true)
    {
        var customerModel = (await Admin.PostGraphQLAsync("{ models { id name } }")).Data!["models"]!.AsArray()
            .Single(m => m!["name"]!.GetValue<string>() == "Customer")!["id"]!.GetValue<string>();
        var customers = Enumerable.Range(0, 19).Select(n => new { email = $"customer{n}@example.com" })
            .Append(new { email = "nobody@example.com" }).ToArray();
        (await Admin.PostAsJsonAsync($"/models/{customerModel}/records", customers)).EnsureSuccessStatusCode();
        if (connect)
        {
            var connected = await Admin.PostGraphQLAsync("""mutation($k: String!) { connectStripe(input: { secretKey: $k }) { errors { message } } }""",
                new { k = FakeStripeServer.SecretKey });
            Assert.Null(connected.Data!["connectStripe"]!["errors"]);
        }
        _stripe.Faults.ClearRequests();
    }

    private int Calls(string prefix) => _stripe.Faults.Requests.Count(r => r.StartsWith(prefix, StringComparison.Ordinal));

    [Fact]
    public async Task A_page_of_customers_costs_one_charges_call_per_Stripe_customer_and_nothing_within_the_cache_time()
    {
        await SeedAsync();

        var first = await Admin.PostGraphQLAsync(Query);
        var searches = Calls("GET /v1/customers/search");
        var charges = Calls("GET /v1/charges");
        var again = await Admin.PostGraphQLAsync(Query);

        Assert.Null(first.Errors);
        var nodes = first.Data!["customers"]!["nodes"]!.AsArray();
        var ann = nodes.Single(n => n!["email"]!.GetValue<string>() == "customer1@example.com")!;
        Assert.Equal("cus_fake000001", ann["stripeCustomer"]!["id"]!.GetValue<string>());
        Assert.Equal(3, ann["charges"]!["nodes"]!.AsArray().Count);
        Assert.All(ann["charges"]!["nodes"]!.AsArray(), c => Assert.Equal("cus_fake000001", c!["customer"]!.GetValue<string>()));
        Assert.Empty(nodes.Single(n => n!["email"]!.GetValue<string>() == "customer3@example.com")!["charges"]!["nodes"]!.AsArray());
        var nobody = nodes.Single(n => n!["email"]!.GetValue<string>() == "nobody@example.com")!;
        Assert.Null(nobody["stripeCustomer"]);
        Assert.Empty(nobody["charges"]!["nodes"]!.AsArray());

        Assert.Equal(2, searches); // 20 emails, ten per search
        Assert.Equal(19, charges); // one per Stripe customer; none for the email Stripe does not know
        Assert.Equal(first.Body.ToJsonString(), again.Body.ToJsonString());
        Assert.Equal(searches + charges, _stripe.Faults.Requests.Count);
    }

    [Fact]
    public async Task A_Stripe_failure_on_one_customers_charges_leaves_the_others_intact()
    {
        await SeedAsync();
        await _stripe.InjectAsync("/v1/charges", 500, times: 3, queryContains: "cus_fake000005");
        await _stripe.InjectAsync("/v1/charges", 429, times: 1, queryContains: "cus_fake000006");

        var result = await Admin.PostGraphQLAsync(Query);

        var nodes = result.Data!["customers"]!["nodes"]!.AsArray();
        Assert.Null(nodes.Single(n => n!["email"]!.GetValue<string>() == "customer5@example.com")!["charges"]);
        Assert.Equal(3, nodes.Single(n => n!["email"]!.GetValue<string>() == "customer6@example.com")!["charges"]!["nodes"]!.AsArray().Count);
        Assert.Equal(19, nodes.Count(n => n!["charges"] is not null));
        var error = Assert.Single(result.Errors!);
        Assert.Equal("STRIPE_UNAVAILABLE", error!["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("500", error["message"]!.GetValue<string>());
        Assert.Equal("charges", error["path"]!.AsArray()[^1]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_Stripe_integration_the_fields_say_so_and_nothing_is_called()
    {
        await SeedAsync(connect: false);

        var result = await Admin.PostGraphQLAsync("""{ customers(first: 2) { nodes { email charges { nodes { id } } } } }""");

        Assert.Equal(["STRIPE_NOT_CONNECTED", "STRIPE_NOT_CONNECTED"], result.ErrorCodes);
        Assert.All(result.Data!["customers"]!["nodes"]!.AsArray(), n => Assert.Null(n!["charges"]));
        Assert.Empty(_stripe.Faults.Requests);
    }
}
