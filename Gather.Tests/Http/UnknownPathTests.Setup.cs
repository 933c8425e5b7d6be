using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>Paths named when setting things up: relationships, tasks, models nothing was synced into, declared fields; and both stores alike.</summary>
public sealed partial class UnknownPathTests
{
    [Fact]
    public async Task A_relationship_on_a_misspelled_field_is_refused_and_not_created()
    {
        var orders = await SeedOrdersAsync();
        var customer = await ModelIdAsync("Customer");

        var payload = (await Admin.PostGraphQLAsync($$"""
            mutation($input: CreateRelationshipInput!) { createRelationship(input: $input) { relationship { id } {{PayloadErrors}} } }
            """, new { input = new { fromModelId = orders, fromField = "custmer", toModelId = customer, toField = "emial", name = "buyer", inverseName = "purchases" } }))
            .Data!["createRelationship"]!;
        var listed = (await Admin.PostGraphQLAsync("query($m: ID!) { relationships(modelId: $m) { name } }", new { m = orders })).Data!["relationships"]!;

        Assert.Null(payload["relationship"]);
        Assert.Equal(["fromField|unknownField|customer", "toField|unknownField|email"], PayloadRules(payload));
        Assert.DoesNotContain("buyer", listed.ToJsonString());
    }

    [Fact]
    public async Task A_charges_task_on_a_field_no_record_has_is_refused_naming_the_field_that_holds_charge_ids()
    {
        await using var stripe = await FakeStripeServer.StartAsync(customers: 1, chargesPerCustomer: 1);
        using var factory = new GatherApiFactory(new Dictionary<string, string?>
        {
            ["Gather:Stripe:ApiBase"] = stripe.Address.ToString(), [GatherApiFactory.SchedulerEnabled] = "false",
        });
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var orders = await IntegrationTaskSteps.CreateOrdersAsync(admin, [("1", "ch_1"), ("2", null)]);
        (await admin.PostAsJsonAsync($"/models/{orders}/records", new { id = "3", amount = 5 })).EnsureSuccessStatusCode();
        var integration = await IntegrationTaskSteps.ConnectStripeAsync(admin);

        async Task<JsonNode> CreateTaskAsync(string field) => (await admin.PostGraphQLAsync($$"""
            mutation($i: ID!, $m: ID!, $f: String!) { createIntegrationTask(input: { integrationId: $i, kind: SYNC_STRIPE_CHARGES, options: { modelId: $m, chargeIdField: $f } }) {
              task { id } {{PayloadErrors}} } }
            """, new { i = integration, m = orders, f = field })).Data!["createIntegrationTask"]!;

        var typo = await CreateTaskAsync("stripe_charge");
        var number = await CreateTaskAsync("amount");
        var tasks = (await admin.PostGraphQLAsync("{ integrationTasks { kind } }")).Data!["integrationTasks"]!.ToJsonString();
        var right = await CreateTaskAsync("stripe_charge_id");

        Assert.Null(typo["task"]);
        Assert.Equal(["options.chargeIdField|unknownField|stripe_charge_id"], PayloadRules(typo));
        Assert.Contains("Did you mean 'stripe_charge_id'?", typo["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal(["options.chargeIdField|type|"], PayloadRules(number));
        Assert.DoesNotContain("SYNC_STRIPE_CHARGES", tasks);
        Assert.Null(right["errors"]);
    }

    [Fact]
    public async Task A_charges_task_may_be_set_up_before_the_first_sync()
    {
        await using var stripe = await FakeStripeServer.StartAsync(customers: 1, chargesPerCustomer: 1);
        using var factory = new GatherApiFactory(new Dictionary<string, string?>
        {
            ["Gather:Stripe:ApiBase"] = stripe.Address.ToString(), [GatherApiFactory.SchedulerEnabled] = "false",
        });
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var orders = await IntegrationTaskSteps.CreateOrdersAsync(admin, []);
        var integration = await IntegrationTaskSteps.ConnectStripeAsync(admin);

        var task = await IntegrationTaskSteps.CreateChargesTaskAsync(admin, integration, orders);

        Assert.StartsWith("task_", task);
    }

    [Fact]
    public async Task A_model_nothing_was_synced_into_accepts_any_path_until_its_first_record()
    {
        var orders = await CreateModelAsync("Orders");

        var early = await CreateViewAsync(new { name = "Early", modelId = orders, columns = new[] { "amount", "amout" }, where = new { field = "amout", gt = 10 } });
        var sorted = await CreateViewAsync(new { name = "Sorted", modelId = orders, order = new[] { new { field = "amout", direction = "DESC" } } });
        var emptyRead = await Admin.PostGraphQLAsync("""query($m: ID!) { records(modelId: $m, where: { field: "anything", eq: 1 }) { totalCount } }""", new { m = orders });
        (await Admin.PostAsJsonAsync($"/models/{orders}/records", new { id = "o1", amount = 30 })).EnsureSuccessStatusCode();
        var afterSync = await Admin.PostGraphQLAsync("""query($m: ID!) { records(modelId: $m, where: { field: "anything", eq: 1 }) { totalCount } }""", new { m = orders });
        var savedTypo = await Admin.PostGraphQLAsync("""query($v: ID!) { view(id: $v) { records { totalCount } } }""", new { v = early["view"]!["id"]!.GetValue<string>() });
        var savedOrderTypo = await Admin.PostGraphQLAsync("""query($v: ID!) { view(id: $v) { records { totalCount } } }""", new { v = sorted["view"]!["id"]!.GetValue<string>() });
        var overridden = await Admin.PostGraphQLAsync("""query($v: ID!) { view(id: $v) { records(order: [{ field: "amount" }]) { totalCount } } }""", new { v = sorted["view"]!["id"]!.GetValue<string>() });

        Assert.Null(early["errors"]);
        Assert.Null(sorted["errors"]);
        Assert.Equal(0, emptyRead.Data!["records"]!["totalCount"]!.GetValue<int>());
        Assert.Equal("INVALID_ARGUMENT|where.field|unknownField|", Error(afterSync));
        Assert.Equal("INVALID_ARGUMENT|view.where|invalidSavedFilter|amount", Error(savedTypo));
        Assert.Contains("Orders has no field 'amout'. Did you mean 'amount'?", savedTypo.Errors![0]!["message"]!.GetValue<string>());
        Assert.Equal("INVALID_ARGUMENT|view.order[0].field|unknownField|amount", Error(savedOrderTypo));
        Assert.StartsWith("The view's saved order no longer holds: Orders has no field 'amout'.", savedOrderTypo.Errors![0]!["message"]!.GetValue<string>());
        Assert.Equal(1, overridden.Data!["view"]!["records"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Declared_fields_are_known_before_any_sync_and_a_declared_json_field_takes_any_path_below_it()
    {
        var orders = await CreateModelAsync("Orders");
        var declared = await Admin.PostGraphQLAsync("""
            mutation($m: ID!) { declareModelFields(input: { id: $m, fields: [{ path: "amount", type: INT }, { path: "meta", type: JSON }] }) { errors { message } } }
            """, new { m = orders });
        (await Admin.PostAsJsonAsync($"/models/{orders}/records", new { id = "o1", note = "x" })).EnsureSuccessStatusCode();

        var below = await Admin.PostGraphQLAsync("""query($m: ID!) { records(modelId: $m, where: { field: "meta.source.kind", eq: "web" }, order: [{ field: "amount" }]) { totalCount } }""", new { m = orders });
        var typed = await Admin.PostGraphQLAsync("""query($m: ID!) { records(modelId: $m, where: { field: "amount", lt: "5" }) { totalCount } }""", new { m = orders });

        Assert.True(declared.Errors is null, declared.Errors?.ToJsonString());
        Assert.True(below.Errors is null, below.Errors?.ToJsonString());
        Assert.Equal("INVALID_ARGUMENT|where.lt|type|", Error(typed));
    }

    [SkippableTheory]
    [InlineData("Sqlite")]
    [InlineData("MongoDb")]
    public async Task The_same_paths_get_the_same_errors_on_both_stores(string store)
    {
        Skip.If(store == "MongoDb" && Mongo.ConnectionString is null, Mongo.SkipReason);
        using var factory = store == "MongoDb"
            ? new GatherApiFactory(new Dictionary<string, string?>
            {
                ["Gather:Storage:Provider"] = "MongoDb",
                ["Gather:Storage:MongoDb:ConnectionString"] = Mongo.ConnectionString,
                ["Gather:Storage:MongoDb:Database"] = "gather_paths_" + Guid.NewGuid().ToString("N")[..12],
            })
            : new GatherApiFactory();
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var orders = (await admin.PostGraphQLAsync("""mutation { createModel(input: { name: "Orders", idField: "id" }) { model { id } } }"""))
            .Data!["createModel"]!["model"]!["id"]!.GetValue<string>();
        (await admin.PostAsJsonAsync($"/models/{orders}/records", new object[]
        {
            new { id = "o1", amount = 30, status = "paid", stripe_charge_id = "ch_1" }, new { id = "o2", amount = 75, status = "open" },
        })).EnsureSuccessStatusCode();

        async Task<string> AskAsync(string arguments)
        {
            var result = await admin.PostGraphQLAsync($$"""query($m: ID!) { records(modelId: $m, {{arguments}}) { totalCount } }""", new { m = orders });
            var error = Assert.Single(result.Errors!)!;
            return $"{error["extensions"]!["field"]}|{error["extensions"]!["rule"]}|{error["extensions"]!["suggestion"]}|{error["message"]}";
        }
        var answers = new[]
        {
            await AskAsync("""where: { field: "stripeCharge.stauts", eq: "succeeded" }"""),
            await AskAsync("""order: [{ field: "amout" }]"""),
            await AskAsync("""where: { field: "amount", gt: "10" }"""),
            await AskAsync("""where: { field: "status", eq: 1 }"""),
        };
        var view = (await admin.PostGraphQLAsync("""
            mutation($m: ID!) { createView(input: { name: "V", modelId: $m, columns: ["stripe_chargeid"] }) { errors { message ... on ValidationError { field rule suggestion } } } }
            """, new { m = orders })).Data!["createView"]!["errors"]![0]!;

        const string Paths = " A path names a field the model declares or has synced (`model(id: …) { fields { path } }` lists them), or attached data such as `stripeCharge.status`.";
        Assert.Equal(
        [
            "where.field|unknownField|stripeCharge.status|Orders has no field 'stripeCharge.stauts'. Did you mean 'stripeCharge.status'?" + Paths,
            "order[0].field|unknownField|amount|Orders has no field 'amout'. Did you mean 'amount'?" + Paths,
            "where.gt|type||'amount' is INT in Orders: `gt` takes an integer (e.g. 10), not the string \"10\".",
            "where.eq|type||'status' is STRING in Orders: `eq` takes a string (e.g. \"paid\"), not the number 1.",
        ], answers);
        Assert.Equal("columns[0]|unknownField|stripe_charge_id", $"{view["field"]}|{view["rule"]}|{view["suggestion"]}");
    }
}
