using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>
/// Stripe webhooks under hostile traffic and broken events: signed deliveries keep their own
/// bucket, a signed event that is not shaped as Stripe documents answers 4xx (never 5xx) and
/// changes nothing, and an event whose effect failed is applied when Stripe retries it.
/// </summary>
public sealed class WebhookAbuseTests
{
    [Fact]
    public async Task A_flood_of_made_up_keys_and_bad_signatures_from_one_address_does_not_refuse_signed_deliveries()
    {
        await using var bed = await WebhookTestbed.StartAsync(new Dictionary<string, string?>
        {
            ["Gather:RateLimits:PermitsPerSecondPerAddress"] = "1", ["Gather:RateLimits:BurstPerAddress"] = "2",
        });
        var flood = new List<HttpStatusCode>();

        // The same address (the test server's) as Stripe's deliveries below.
        for (var i = 0; i < 6; i++)
        {
            var anonymous = bed.App.CreateClient();
            anonymous.DefaultRequestHeaders.Add("Authorization", $"Token gth_made_up_{i}_0123456789abcdef");
            using var graphQL = await anonymous.PostAsync("/graphql", new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json"));
            flood.Add(graphQL.StatusCode);
            var payload = WebhookTestbed.ChargeEvent($"evt_forged_{i}", 1, WebhookTestbed.Now).ToJsonString();
            using var unsigned = await bed.DeliverAsync(payload, signed: false);
            using var forged = await bed.PostAsync(payload, $"t={WebhookTestbed.Now},v1={new string('a', 64)}");
            flood.AddRange([unsigned.StatusCode, forged.StatusCode]);
        }
        var signed = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var delivered = await bed.DeliverAsync(WebhookTestbed.ChargeEvent($"evt_real_{i}", 600 + i, WebhookTestbed.Now + i).ToJsonString());
            signed.Add(delivered.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, flood);
        Assert.DoesNotContain(flood, s => (int)s >= 500);
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5), signed);
        Assert.Equal(604, (await bed.OrdersAsync()).Amount);
    }

    [Fact]
    public async Task Signed_deliveries_have_a_bucket_per_integration_that_answers_429_with_retry_after()
    {
        await using var bed = await WebhookTestbed.StartAsync(new Dictionary<string, string?>
        {
            ["Gather:RateLimits:PermitsPerSecondPerIntegration"] = "1", ["Gather:RateLimits:BurstPerIntegration"] = "2",
        });
        var responses = new List<HttpResponseMessage>();
        // Eight against a burst of two refilled once a second: some are refused unless each delivery takes most of a second.
        for (var i = 0; i < 8; i++)
            responses.Add(await bed.DeliverAsync(WebhookTestbed.ChargeEvent($"evt_{i}", 100 + i, WebhookTestbed.Now).ToJsonString()));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], responses.Take(2).Select(r => r.StatusCode));
        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.All(limited, r => Assert.NotNull(r.Headers.RetryAfter));
        Assert.Contains("RATE_LIMITED", await limited[0].Content.ReadAsStringAsync());
        responses.ForEach(r => r.Dispose());
    }

    /// <summary>Signed events that are not shaped as Stripe documents them, by what is wrong.</summary>
    private static IEnumerable<(string What, string Payload)> MalformedEvents()
    {
        var now = WebhookTestbed.Now;
        JsonObject Event() => WebhookTestbed.ChargeEvent("evt_malformed", 999, now);
        string With(Action<JsonObject> change)
        {
            var e = Event();
            change(e);
            return e.ToJsonString();
        }
        string Created(string json) => Event().ToJsonString().Replace($"\"created\":{now}", $"\"created\":{json}");
        string Amount(string json) => Event().ToJsonString().Replace("\"amount\":999", $"\"amount\":{json}");
        return
        [
            ("array body", "[" + Event().ToJsonString() + "]"), ("empty array", "[]"), ("string body", "\"evt\""), ("number body", "12"),
            ("null body", "null"), ("not JSON", "{\"id\":"), ("no id", With(e => e.Remove("id"))), ("numeric id", With(e => e["id"] = 5)),
            ("empty id", With(e => e["id"] = "")), ("very long id", With(e => e["id"] = "evt_" + new string('x', 5_000))),
            ("no type", With(e => e.Remove("type"))), ("object type", With(e => e["type"] = new JsonObject())),
            ("fractional created", Created("1764633600.5")), ("huge created", Created("99999999999999999999")),
            ("created past year 9999", Created("253402300800")), ("negative created", Created("-5")), ("string created", Created("\"1764633600\"")),
            ("created 1e400", Created("1e400")), ("no created", With(e => e.Remove("created"))),
            ("fractional amount", Amount("12.5")), ("huge amount", Amount("1e30")), ("amount past int64", Amount("9223372036854775808")),
            ("negative amount", Amount("-1")), ("string amount", Amount("\"999\"")), ("amount 1e400", Amount("1e400")),
            ("no data", With(e => e.Remove("data"))), ("data is an array", With(e => e["data"] = new JsonArray())),
            ("no data.object", With(e => e["data"]!.AsObject().Remove("object"))), ("data.object is a string", With(e => e["data"]!["object"] = "ch_x")),
            ("charge without id", With(e => e["data"]!["object"]!.AsObject().Remove("id"))),
            ("charge id is a number", With(e => e["data"]!["object"]!["id"] = 7)),
            ("charge without currency", With(e => e["data"]!["object"]!.AsObject().Remove("currency"))),
            ("dispute without its charge", With(e => { e["type"] = "charge.dispute.created"; e["data"]!["object"] = new JsonObject { ["id"] = "dp_1" }; })),
            ("dispute naming an array", With(e => { e["type"] = "charge.dispute.created"; e["data"]!["object"] = new JsonObject { ["id"] = "dp_1", ["charge"] = new JsonArray() }; })),
            ("duplicate id members", Event().ToJsonString().Replace("\"id\":\"evt_malformed\"", "\"id\":\"evt_a\",\"id\":\"evt_b\"")),
            ("lone surrogate in the id", Event().ToJsonString().Replace("evt_malformed", "evt_\\ud800")),
            ("nested past JSON's depth", Event().ToJsonString().Replace("\"livemode\":false", "\"livemode\":" + new string('[', 100) + new string(']', 100))),
        ];
    }

    [Fact]
    public async Task Signed_malformed_events_answer_4xx_name_the_problem_and_change_nothing()
    {
        await using var bed = await WebhookTestbed.StartAsync();
        var before = await bed.OrdersAsync();
        var wrong = new List<string>();

        foreach (var (what, payload) in MalformedEvents())
        {
            using var response = await bed.DeliverAsync(payload);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode is < 400 or >= 500 || !WebhookTestbed.IsGatherError(body))
                wrong.Add($"{what}: {(int)response.StatusCode} {body}");
        }

        Assert.Empty(wrong);
        Assert.Equal(before, await bed.OrdersAsync());
    }

    [Fact]
    public async Task An_event_of_a_type_gather_does_not_apply_is_acknowledged_as_ignored()
    {
        await using var bed = await WebhookTestbed.StartAsync();
        var before = await bed.OrdersAsync();

        using var response = await bed.DeliverAsync(WebhookTestbed.ChargeEvent("evt_customer", 5, WebhookTestbed.Now, "customer.created").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not one Gather applies", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await bed.OrdersAsync());
    }

    [Fact]
    public async Task An_event_whose_effect_failed_answers_503_and_is_applied_when_stripe_retries_it()
    {
        var faults = new StoreFaults();
        await using var bed = await WebhookTestbed.StartAsync(services: faults.Install);
        var before = await bed.OrdersAsync();
        var payload = WebhookTestbed.ChargeEvent("evt_retried", 700, WebhookTestbed.Now).ToJsonString();

        faults.Arm("AttachAsync");
        using var failed = await bed.DeliverAsync(payload);
        var afterFailure = await bed.OrdersAsync();
        using var retried = await bed.DeliverAsync(payload);
        var afterRetry = await bed.OrdersAsync();
        using var duplicate = await bed.DeliverAsync(payload);

        Assert.Equal(1, faults.Injected);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.NotNull(failed.Headers.RetryAfter);
        Assert.Equal(before, afterFailure);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Contains("applied to 1 records", await retried.Content.ReadAsStringAsync());
        Assert.Equal(700, afterRetry.Amount);
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.Contains("already received", await duplicate.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_event_applied_but_not_recorded_answers_503_and_its_retry_changes_nothing_more()
    {
        var faults = new StoreFaults();
        await using var bed = await WebhookTestbed.StartAsync(services: faults.Install);
        var payload = WebhookTestbed.ChargeEvent("evt_unrecorded", 800, WebhookTestbed.Now).ToJsonString();

        faults.Arm("RememberEventAsync");
        using var failed = await bed.DeliverAsync(payload);
        var afterFailure = await bed.OrdersAsync();
        using var retried = await bed.DeliverAsync(payload);
        var afterRetry = await bed.OrdersAsync();
        using var duplicate = await bed.DeliverAsync(payload);

        Assert.Equal(1, faults.Injected);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.NotNull(failed.Headers.RetryAfter);
        Assert.Equal(800, afterFailure.Amount);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        // The same snapshot again writes nothing: no second version, no new updatedAt.
        Assert.Equal(afterFailure, afterRetry);
        Assert.Contains("already received", await duplicate.Content.ReadAsStringAsync());
    }
}
