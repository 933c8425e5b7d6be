using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json.Nodes;
using Gather.Tests.Support;
using Stripe;

namespace Gather.Tests.Stripe;

/// <summary>
/// The fake's objects against Stripe's own published fixtures: every fixture field is present
/// with Stripe's JSON type, and Stripe.net fills the same properties from both.
/// </summary>
public sealed class FakeStripeFidelityTests : IAsyncLifetime
{
    private FakeStripeServer _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeStripeServer.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", FakeStripeServer.SecretKey);
        using var response = await _stripe.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public static TheoryData<string, string> Objects => new()
    {
        { "charge", "/v1/charges/ch_fake000000002" },
        { "customer", "/v1/customers/cus_fake000004" },
    };

    [SkippableTheory]
    [MemberData(nameof(Objects))]
    public async Task Every_fixture_field_is_served_with_Stripes_type(string fixture, string path)
    {
        Skip.If(StripeFixtures.All is null, StripeFixtures.SkipReason);
        var ours = await SendAsync(HttpMethod.Get, path);

        Assert.Empty(StripeFixtures.Differences(StripeFixtures.All![fixture], ours));
    }

    [SkippableFact]
    public async Task Webhook_endpoints_created_and_deleted_match_the_fixtures()
    {
        Skip.If(StripeFixtures.All is null, StripeFixtures.SkipReason);
        var created = await SendAsync(HttpMethod.Post, "/v1/webhook_endpoints", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["url"] = "https://gather.example/webhooks/stripe/int_1", ["enabled_events[0]"] = "charge.succeeded",
            ["enabled_events[1]"] = "charge.refunded", ["description"] = "Gather",
        }));
        var retrieved = await SendAsync(HttpMethod.Get, $"/v1/webhook_endpoints/{created["id"]}");
        var deleted = await SendAsync(HttpMethod.Delete, $"/v1/webhook_endpoints/{created["id"]}");

        Assert.Empty(StripeFixtures.Differences(StripeFixtures.All!["webhook_endpoint"], created));
        Assert.StartsWith("whsec_", created["secret"]!.GetValue<string>());
        Assert.False(retrieved.ContainsKey("secret"));
        Assert.Equal("""["charge.succeeded","charge.refunded"]""", retrieved["enabled_events"]!.ToJsonString());
        Assert.Empty(StripeFixtures.Differences(StripeFixtures.All["deleted_webhook_endpoint"], deleted));
    }

    [SkippableFact]
    public async Task Stripe_net_fills_the_same_properties_from_the_fake_as_from_the_fixtures()
    {
        Skip.If(StripeFixtures.All is null, StripeFixtures.SkipReason);
        var charge = (await SendAsync(HttpMethod.Get, "/v1/charges/ch_fake000000002")).ToJsonString();
        var customer = (await SendAsync(HttpMethod.Get, "/v1/customers/cus_fake000004")).ToJsonString();

        Assert.Empty(Unfilled(StripeEntity.FromJson<Charge>(StripeFixtures.All!["charge"]!.ToJsonString()), StripeEntity.FromJson<Charge>(charge)));
        Assert.Empty(Unfilled(StripeEntity.FromJson<Customer>(StripeFixtures.All["customer"]!.ToJsonString()), StripeEntity.FromJson<Customer>(customer)));
    }

    [Fact]
    public void The_comparison_reports_missing_fields_and_other_types_and_lets_nullable_ones_vary()
    {
        var stripes = JsonNode.Parse("""{"a":1,"b":"x","c":null,"d":{"e":true},"f":[{"g":1}]}""");
        var ours = JsonNode.Parse("""{"a":"1","c":{"any":1},"d":{"e":false},"f":[{"g":"1"}],"extra":1}""");

        Assert.Equal([".a: Stripe has number, the fake string", ".b: missing", ".f[0].g: Stripe has number, the fake string"],
            StripeFixtures.Differences(stripes, ours));
    }

    /// <summary>Properties Stripe.net sets from the fixture but leaves unset from the fake.</summary>
    private static List<string> Unfilled<T>(T fromFixture, T fromFake) =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && (!p.PropertyType.IsValueType || Nullable.GetUnderlyingType(p.PropertyType) is not null))
            .Where(p => p.GetValue(fromFixture) is not null && p.GetValue(fromFake) is null)
            .Select(p => p.Name).ToList();
}
