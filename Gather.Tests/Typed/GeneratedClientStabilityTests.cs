using Gather.Tests.Support;
using Snapshooter.Xunit;
using static Gather.Tests.Support.IntegrationTaskSteps;
using static Gather.Tests.Typed.TypedSchemaSteps;

namespace Gather.Tests.Typed;

/// <summary>
/// What a frontend generated from a team's SDL relies on: the queries it was written with keep
/// validating and answering while records of the same shapes keep arriving, the SDL changes only
/// by the documented INT → FLOAT widening, and <c>stripeCharge</c> stays once a model had charges
/// attached, whether or not Stripe is still connected.
/// </summary>
public sealed class GeneratedClientStabilityTests : IAsyncLifetime
{
    private StripeGuideHost _host = null!;

    public async Task InitializeAsync() => _host = await StripeGuideHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private HttpClient Admin => _host.Admin;

    /// <summary>The client's documents, written against the team's SDL: a typed list, a filter input, a relationship, its inverse, stripeCharge.</summary>
    private static readonly string[] ClientQueries =
    [
        """query Orders { orders(first: 10, order: [{ id: ASC }]) { totalCount nodes { id amount status accountId stripeCharge { id amount status } } } }""",
        """query PaidOrders($status: String) { orders(where: { status: { eq: $status }, amount: { gte: 10 } }) { totalCount } }""",
        """query OrderWithAccount { ordersById(id: "1") { amount account { name } } }""",
        """query AccountOrders { accounts(first: 5) { nodes { name orders(first: 5, order: [{ amount: DESC }]) { totalCount nodes { id amount } } } } }""",
    ];

    private async Task<(string Orders, string Integration)> GuideAsync()
    {
        var orders = await CreateModelAsync(Admin, "Orders");
        await SyncJsonAsync(Admin, await ModelIdAsync(Admin, "Account"), new object[] { new { name = "Acme" } });
        await SyncFormAsync(Admin, orders, "id=1&amount=75&status=paid&account=Acme&stripe_charge_id=ch_fake000000000");
        await SyncFormAsync(Admin, orders, "id=2&amount=20&status=open&account=Acme&stripe_charge_id=ch_fake000001000");
        await Admin.PostGraphQLAsync("""
            mutation($o: ID!, $a: ID!) { createRelationship(input: { fromModelId: $o, fromField: "account", toModelId: $a, toField: "name", name: "account", inverseName: "orders" }) { errors { message } } }
            """, new { o = orders, a = await ModelIdAsync(Admin, "Account") });
        var integration = await ConnectStripeAsync(Admin);
        var task = await CreateChargesTaskAsync(Admin, integration, orders);
        await WaitForTaskAsync(Admin, task, t => Is(t, "SUCCEEDED"));
        // Connecting Stripe also starts Sync Stripe Customers, which adds fields to Customer: the
        // SDL a client is generated from is taken once that has finished too.
        var customers = (await Admin.PostGraphQLAsync("{ integrationTasks { id kind } }")).Data!["integrationTasks"]!.AsArray()
            .Single(t => t!["kind"]!.GetValue<string>() == "SYNC_STRIPE_CUSTOMERS")!["id"]!.GetValue<string>();
        await WaitForTaskAsync(Admin, customers, t => Is(t, "SUCCEEDED"));
        return (orders, integration);
    }

    private async Task<List<GraphQLResponse>> RunClientAsync() =>
        [.. await Task.WhenAll(ClientQueries.Select(q => Admin.PostGraphQLAsync(q, new { status = "paid" })))];

    /// <summary>
    /// Validates a document against the SDL alone, as a code generator does: a schema built from
    /// the SDL text (no resolvers), the document checked by GraphQL's validation rules.
    /// </summary>
    private static async Task AssertValidAgainstAsync(string sdl, string query)
    {
        var schema = GraphQL.Types.Schema.For(sdl);
        var result = await new GraphQL.DocumentExecuter().ExecuteAsync(new GraphQL.ExecutionOptions
        {
            Schema = schema,
            Query = query,
            Variables = new GraphQL.Inputs(new Dictionary<string, object?> { ["status"] = "paid" }),
        });
        var invalid = result.Errors?.OfType<GraphQL.Validation.ValidationError>().Select(e => e.Message).ToList() ?? [];
        Assert.True(invalid.Count == 0, string.Join("\n", invalid));
    }

    [Fact]
    public async Task A_clients_queries_keep_validating_and_answering_while_records_of_the_same_shapes_arrive()
    {
        var (orders, _) = await GuideAsync();
        var sdl = await SdlAsync(Admin);
        foreach (var query in ClientQueries)
            await AssertValidAgainstAsync(sdl, query);
        var first = await RunClientAsync();

        // More records of the same shapes, in both documented forms, and a decimal amount.
        await SyncFormAsync(Admin, orders, "id=3&amount=40&status=paid&account=Acme&stripe_charge_id=ch_fake000002000");
        await SyncJsonAsync(Admin, orders, new object[] { new { id = "4", amount = 60, status = "paid", account = "Acme", stripe_charge_id = "ch_fake000004000" } });
        await SyncFormAsync(Admin, orders, "id=5&amount=12.5&status=open&account=Acme");
        var later = await RunClientAsync();
        var widened = await SdlAsync(Admin);

        foreach (var query in ClientQueries)
            await AssertValidAgainstAsync(widened, query);
        Assert.All(first.Concat(later), r => Assert.True(r.Errors is null, r.Errors?.ToJsonString()));
        Assert.Equal("ch_fake000000000", first[0].Data!["orders"]!["nodes"]![0]!["stripeCharge"]!["id"]!.GetValue<string>());
        Assert.Equal(5, later[0].Data!["orders"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(12.5, later[0].Data!["orders"]!["nodes"]![4]!["amount"]!.GetValue<double>());
        Assert.Equal(5, later[3].Data!["accounts"]!["nodes"]![0]!["orders"]!["totalCount"]!.GetValue<int>());
        // The one documented change: the widened field's type and its filter input (whose shared definition comes with it).
        string WithoutNumberInputs(string text) => string.Join("\n\n", text.Split("\n\n")
            .Where(block => !System.Text.RegularExpressions.Regex.IsMatch(block, "^input (Int|Float)OperationFilterInput ", System.Text.RegularExpressions.RegexOptions.Multiline)));
        Assert.Equal(WithoutNumberInputs(sdl).Replace("amount: Int", "amount: Float").Replace("amount: IntOperationFilterInput", "amount: FloatOperationFilterInput"),
            WithoutNumberInputs(widened));
        Assert.Contains("input FloatOperationFilterInput", widened);
        Assert.NotEqual(sdl, widened);
    }

    [Fact]
    public async Task StripeCharge_stays_on_the_type_after_Stripe_is_disconnected()
    {
        var (_, integration) = await GuideAsync();
        var before = await SdlAsync(Admin);

        var disconnected = await Admin.PostGraphQLAsync("""mutation($id: ID!) { disconnectIntegration(input: { id: $id }) { errors { message } } }""",
            new { id = integration });
        var after = await SdlAsync(Admin);
        var read = await Admin.PostGraphQLAsync("""{ orders(order: [{ id: ASC }], where: { stripeCharge: { status: { eq: "succeeded" } } }) { nodes { id stripeCharge { id } } } }""");

        Assert.Null(disconnected.Data!["disconnectIntegration"]!["errors"]);
        Assert.True(read.Errors is null, read.Errors?.ToJsonString());
        Assert.Equal("""{"orders":{"nodes":[{"id":"1","stripeCharge":{"id":"ch_fake000000000"}},{"id":"2","stripeCharge":{"id":"ch_fake000001000"}}]}}""",
            read.Data!.ToJsonString());
        Assert.Contains("stripeCharge: StripeCharge", after);
        Snapshot.Match(Definitions(after, "Orders", "OrdersFilterInput"));
        Assert.Equal(Definitions(before, "Orders", "OrdersFilterInput", "OrdersSortInput"), Definitions(after, "Orders", "OrdersFilterInput", "OrdersSortInput"));
    }
}
