using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gather.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using static Gather.Tests.Support.IntegrationTaskSteps;

namespace Gather.Tests.FakeCrm;

/// <summary>
/// The seam integrations plug into, held open by one that Gather's own code never names: a host
/// with the fake CRM added by its one call shows it end to end, through HTTP and the SQLite store,
/// as an integration kind, an integration model, a task kind and an attached section that the
/// generic and typed APIs filter and sort on, beside Stripe.
/// </summary>
public sealed class FakeCrmIntegrationTests : IDisposable
{
    private readonly GatherApiFactory _gather = new();
    private readonly WebApplicationFactory<Program> _app;
    private readonly HttpClient _admin;

    public FakeCrmIntegrationTests()
    {
        _app = _gather.WithWebHostBuilder(host => host.ConfigureServices(services => services.AddFakeCrm()));
        _admin = _app.CreateClient();
        _admin.DefaultRequestHeaders.Add("Authorization", $"Token {GatherApiFactory.AdminKey}");
    }

    public void Dispose()
    {
        _admin.Dispose();
        _app.Dispose();
        _gather.Dispose();
    }

    private async Task<JsonNode> DataAsync(string query, object? variables = null)
    {
        var response = await _admin.PostGraphQLAsync(query, variables);
        Assert.True(response.Errors is null, response.Errors?.ToJsonString());
        return response.Data!;
    }

    /// <summary>Deals naming contacts (one names none), the fake CRM connected, and its task run once.</summary>
    private async Task<(string Deals, string IntegrationId, string TaskId)> ConnectAndSyncAsync()
    {
        var deals = (await DataAsync("""mutation { createModel(input: { name: "Deals", idField: "id" }) { model { id } } }"""))
            ["createModel"]!["model"]!["id"]!.GetValue<string>();
        (await _admin.PostAsJsonAsync($"/models/{deals}/records", new object[]
        {
            new { id = "d1", contact = "crm_1" }, new { id = "d2", contact = "crm_2" }, new { id = "d3", contact = "crm_3" }, new { id = "d4" },
        })).EnsureSuccessStatusCode();
        var integration = (await DataAsync("""mutation { connectFakeCrm(apiKey: "crm_test_key") { id kind } }"""))["connectFakeCrm"]!;
        Assert.Equal("FAKE_CRM", integration["kind"]!.GetValue<string>());
        var integrationId = integration["id"]!.GetValue<string>();
        var created = (await DataAsync("""
            mutation($i: ID!, $m: ID!) { createIntegrationTask(input: { integrationId: $i, kind: SYNC_CRM_CONTACTS, options: { modelId: $m, chargeIdField: "contact" } }) {
              task { id kind } errors { message } } }
            """, new { i = integrationId, m = deals }))["createIntegrationTask"]!;
        Assert.Null(created["errors"]);
        Assert.Equal("SYNC_CRM_CONTACTS", created["task"]!["kind"]!.GetValue<string>());
        var taskId = created["task"]!["id"]!.GetValue<string>();
        await WaitForTaskAsync(_admin, taskId, t => Is(t, "SUCCEEDED"));
        return (deals, integrationId, taskId);
    }

    [Fact]
    public async Task Its_connection_brings_its_model_and_its_kinds_are_listed_beside_Stripes()
    {
        await ConnectAndSyncAsync();

        var data = await DataAsync("""
            { models { name kind } integrations { kind }
              kinds: __type(name: "IntegrationKind") { enumValues { name } }
              taskKinds: __type(name: "IntegrationTaskKind") { enumValues { name } } }
            """);

        Assert.Contains(data["models"]!.AsArray(), m => m!["name"]!.GetValue<string>() == FakeCrm.ContactModel && m["kind"]!.GetValue<string>() == "INTEGRATION");
        Assert.Equal(["FAKE_CRM"], data["integrations"]!.AsArray().Select(i => i!["kind"]!.GetValue<string>()));
        Assert.Equal(["STRIPE", "FAKE_CRM"], data["kinds"]!["enumValues"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()));
        Assert.Equal(["SYNC_STRIPE_CHARGES", "SYNC_STRIPE_CUSTOMERS", "SYNC_CRM_CONTACTS"],
            data["taskKinds"]!["enumValues"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Its_attached_section_is_filtered_and_sorted_in_the_generic_API()
    {
        var (deals, _, _) = await ConnectAndSyncAsync();

        var records = (await DataAsync("""
            query($m: ID!) { records(modelId: $m, where: { field: "crmContact.score", gt: 5 }, order: [{ field: "crmContact.score", direction: DESC }]) {
              nodes { id attached } } }
            """, new { m = deals }))["records"]!["nodes"]!.AsArray();

        Assert.Equal(["d1", "d3"], records.Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal("Ada", records[0]!["attached"]!["crmContact"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Its_attached_section_is_a_typed_field_with_typed_filter_and_sort()
    {
        await ConnectAndSyncAsync();

        var deals = (await DataAsync("""
            { deals(where: { crmContact: { score: { gt: 3 } } }, order: [{ crmContact: { score: ASC } }]) { nodes { id crmContact { name score } } } }
            """))["deals"]!["nodes"]!.AsArray();

        Assert.Equal(["d2:Brook:4", "d3:Cyd:7", "d1:Ada:9"],
            deals.Select(d => $"{d!["id"]}:{d["crmContact"]!["name"]}:{d["crmContact"]!["score"]}"));
    }

    [Fact]
    public async Task Disconnecting_it_removes_its_task_and_its_model()
    {
        var (_, integrationId, _) = await ConnectAndSyncAsync();

        await DataAsync("""mutation($i: ID!) { disconnectIntegration(input: { id: $i }) { integration { id } } }""", new { i = integrationId });
        var data = await DataAsync("{ models { name } integrationTasks { id } }");

        Assert.DoesNotContain(data["models"]!.AsArray(), m => m!["name"]!.GetValue<string>() == FakeCrm.ContactModel);
        Assert.Empty(data["integrationTasks"]!.AsArray());
    }
}
