using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Storage.Hosting;
using Gather.Infrastructure.Teams;
using Gather.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Gather.Tests.Stripe;

/// <summary>Connecting Stripe over GraphQL, against the fake: the key is checked, stored encrypted, never shown.</summary>
public sealed class IntegrationGraphQLTests : IAsyncLifetime
{
    private FakeStripeServer _stripe = null!;
    private GatherApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _stripe = await FakeStripeServer.StartAsync();
        _factory = new GatherApiFactory(new Dictionary<string, string?>
        {
            ["Gather:Stripe:ApiBase"] = _stripe.Address.ToString(), [GatherApiFactory.SchedulerEnabled] = "false",
            ["Gather:Stripe:RetryBaseDelayMilliseconds"] = "10",
        });
    }

    public async Task DisposeAsync()
    {
        _factory.Dispose();
        await _stripe.DisposeAsync();
    }

    private HttpClient Admin => _factory.CreateClient(GatherApiFactory.AdminKey);

    private async Task<JsonNode> ConnectAsync(string secretKey, HttpClient? client = null) =>
        (await (client ?? Admin).PostGraphQLAsync("""
            mutation($key: String!) { connectStripe(input: { secretKey: $key }) {
              integration { id kind secretKeyLast4 } errors { message ... on ValidationError { field rule } } } }
            """, new { key = secretKey })).Data!["connectStripe"]!;

    [Fact]
    public async Task A_valid_key_is_checked_with_Stripe_stored_encrypted_and_never_shown()
    {
        var connected = await ConnectAsync(FakeStripeServer.SecretKey);
        var listed = await Admin.PostGraphQLAsync("{ integrations { kind secretKeyLast4 } }");

        Assert.Null(connected["errors"]);
        Assert.Equal("STRIPE", connected["integration"]!["kind"]!.GetValue<string>());
        Assert.Equal(FakeStripeServer.SecretKey[^4..], connected["integration"]!["secretKeyLast4"]!.GetValue<string>());
        Assert.Equal("""[{"kind":"STRIPE","secretKeyLast4":"0123"}]""", listed.Data!["integrations"]!.ToJsonString());
        Assert.Contains("GET /v1/customers?limit=1", _stripe.Faults.Requests);

        // The store holds ciphertext only: the key is nowhere in the database file.
        SqliteConnection.ClearAllPools();
        var stored = await File.ReadAllBytesAsync(_factory.DatabasePath);
        Assert.DoesNotContain(FakeStripeServer.SecretKey, System.Text.Encoding.UTF8.GetString(stored));
        var integration = (await _factory.Services.GetRequiredService<IGatherStore>().ForTeam(await TeamIdAsync())
            .Integrations.ListAsync(CancellationToken.None)).Single();
        Assert.NotEqual(FakeStripeServer.SecretKey, integration.EncryptedSecretKey);

        // A restart reads the persisted key ring: a fresh Data Protection stack on the same folder decrypts it.
        var keys = Path.Combine(Path.GetDirectoryName(_factory.DatabasePath)!, "gather-keys");
        var restarted = new SecretProtector(DataProtectionProvider.Create(new DirectoryInfo(keys),
            builder => builder.SetApplicationName(DataProtectionKeys.ApplicationName)));
        Assert.Equal(FakeStripeServer.SecretKey, restarted.Unprotect(integration.EncryptedSecretKey));
    }

    [Fact]
    public async Task Refused_malformed_and_unreachable_keys_are_errors_and_nothing_is_stored()
    {
        var refused = await ConnectAsync("sk_test_not_the_right_key_9999");
        var publishable = await ConnectAsync("pk_test_abcdefghijklmnop");
        var empty = await ConnectAsync("  ");
        using var unreachable = new GatherApiFactory(new Dictionary<string, string?>
        {
            ["Gather:Stripe:ApiBase"] = "http://127.0.0.1:9",
            ["Gather:Stripe:MaxRetries"] = "0",
        });
        var down = await ConnectAsync(FakeStripeServer.SecretKey, unreachable.CreateClient(GatherApiFactory.AdminKey));

        Assert.Equal("refused", refused["errors"]![0]!["rule"]!.GetValue<string>());
        Assert.Contains("Invalid API Key", refused["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal("format", publishable["errors"]![0]!["rule"]!.GetValue<string>());
        Assert.Equal("required", empty["errors"]![0]!["rule"]!.GetValue<string>());
        Assert.Equal("unavailable", down["errors"]![0]!["rule"]!.GetValue<string>());
        Assert.Equal("[]", (await Admin.PostGraphQLAsync("{ integrations { id } }")).Data!["integrations"]!.ToJsonString());
    }

    [Fact]
    public async Task A_rate_limited_check_is_retried_and_a_second_account_is_refused()
    {
        await _stripe.InjectAsync("/v1/customers", 429, times: 2);

        var connected = await ConnectAsync(FakeStripeServer.SecretKey);
        var again = await ConnectAsync(FakeStripeServer.SecretKey);

        Assert.Null(connected["errors"]);
        // Two 429s, then the check that succeeds; the second connect is refused before asking Stripe.
        Assert.Equal(3, _stripe.Faults.Requests.Count(r => r.StartsWith("GET /v1/customers", StringComparison.Ordinal)));
        Assert.Equal("alreadyConnected", again["errors"]![0]!["rule"]!.GetValue<string>());
    }

    [Fact]
    public async Task Disconnecting_deletes_the_key_and_another_team_can_neither_see_nor_disconnect_it()
    {
        var id = (await ConnectAsync(FakeStripeServer.SecretKey))["integration"]!["id"]!.GetValue<string>();
        var (_, _, otherSecret) = await _factory.CreateOtherTeamAsync();
        var other = _factory.CreateClient(otherSecret);

        var seen = await other.PostGraphQLAsync("{ integrations { id } }");
        var theirs = await other.PostGraphQLAsync("""mutation($id: ID!) { disconnectIntegration(input: { id: $id }) { errors { __typename } } }""", new { id });
        var ours = await Admin.PostGraphQLAsync("""mutation($id: ID!) { disconnectIntegration(input: { id: $id }) { integration { kind } errors { message } } }""", new { id });

        Assert.Equal("[]", seen.Data!["integrations"]!.ToJsonString());
        Assert.Equal("NotFoundError", theirs.Data!["disconnectIntegration"]!["errors"]![0]!["__typename"]!.GetValue<string>());
        Assert.Equal("""{"integration":{"kind":"STRIPE"},"errors":null}""", ours.Data!["disconnectIntegration"]!.ToJsonString());
        Assert.Equal("[]", (await Admin.PostGraphQLAsync("{ integrations { id } }")).Data!["integrations"]!.ToJsonString());
    }

    [Fact]
    public async Task Connecting_Stripe_lists_its_integration_models_which_cannot_be_synced_listed_or_viewed_and_go_with_it()
    {
        var id = (await ConnectAsync(FakeStripeServer.SecretKey))["integration"]!["id"]!.GetValue<string>();
        var models = (await Admin.PostGraphQLAsync("{ models { id name kind idField } }")).Data!["models"]!.AsArray();
        var charge = models.Single(m => m!["name"]!.GetValue<string>() == "StripeCharge")!;
        var chargeId = charge["id"]!.GetValue<string>();

        var listed = await Admin.PostGraphQLAsync("""query($m: ID!) { records(modelId: $m) { totalCount } record(modelId: $m, id: "ch_1") { id } }""", new { m = chargeId });
        var synced = await Admin.PostAsJsonAsync($"/models/{chargeId}/records", new { id = "ch_1" });
        var viewed = await Admin.PostGraphQLAsync("""mutation($m: ID!) { createView(input: { name: "Charges", modelId: $m }) { errors { ... on ValidationError { rule } } } }""", new { m = chargeId });
        await Admin.PostGraphQLAsync("""mutation($id: ID!) { disconnectIntegration(input: { id: $id }) { errors { message } } }""", new { id });
        var after = (await Admin.PostGraphQLAsync("{ models { name } }")).Data!["models"]!.AsArray().Select(m => m!["name"]!.GetValue<string>());

        Assert.Equal("""{"kind":"INTEGRATION","idField":"id"}""", new JsonObject { ["kind"] = charge["kind"]!.DeepClone(), ["idField"] = charge["idField"]!.DeepClone() }.ToJsonString());
        Assert.Contains(models, m => m!["name"]!.GetValue<string>() == "StripeCustomer");
        Assert.Equal(["integrationModel", "integrationModel"], listed.Errors!.Select(e => e!["extensions"]!["rule"]!.GetValue<string>()));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, synced.StatusCode);
        Assert.Equal("""[{"rule":"integrationModel"}]""", viewed.Data!["createView"]!["errors"]!.ToJsonString());
        Assert.Equal(["Account", "Customer"], after);
    }

    private async Task<string> TeamIdAsync() =>
        (await _factory.Services.GetRequiredService<IGatherStore>().FindFirstTeamAsync(CancellationToken.None))!.Id;
}
