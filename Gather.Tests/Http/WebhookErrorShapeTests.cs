using System.Net;
using System.Text.Json.Nodes;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>
/// Every refusal of Stripe's webhook endpoint answers in Gather's one error shape, as the sync call
/// and GraphQL do, with a stable code per refusal and the part of the request at fault; the status
/// and <c>Retry-After</c> say what Stripe should do.
/// </summary>
public sealed class WebhookErrorShapeTests
{
    /// <summary>The answer as "status code field", after checking it is Gather's error shape in JSON.</summary>
    private static async Task<string> RefusalAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(WebhookTestbed.IsGatherError(body), $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var error = Assert.Single(JsonNode.Parse(body)!["errors"]!.AsArray())!;
        return $"{(int)response.StatusCode} {error["extensions"]!["code"]} {error["extensions"]!["field"]}".TrimEnd();
    }

    [Fact]
    public async Task Each_refusal_before_and_after_the_signature_has_its_code_and_names_what_is_at_fault()
    {
        await using var bed = await WebhookTestbed.StartAsync();
        var payload = WebhookTestbed.ChargeEvent("evt_refused", 5, WebhookTestbed.Now).ToJsonString();

        using var tooLarge = await bed.PostAsync(new string('x', 512 * 1024 + 1), signatureHeader: null);
        using var unsigned = await bed.DeliverAsync(payload, signed: false);
        using var malformedSignature = await bed.PostAsync(payload, "v1=abc");
        using var forged = await bed.PostAsync(payload, $"t={WebhookTestbed.Now},v1={new string('a', 64)}");
        using var notText = await bed.DeliverAsync([0x7b, 0xff, 0x7d]);
        using var unknownIntegration = await bed.DeliverAsync(payload, integrationId: "int_unknown");
        using var unreadableEvent = await bed.DeliverAsync("[]");

        Assert.Equal(
            [
                "413 REQUEST_TOO_LARGE", "400 STRIPE_INVALID_SIGNATURE Stripe-Signature", "400 STRIPE_INVALID_SIGNATURE Stripe-Signature",
                "400 STRIPE_INVALID_SIGNATURE Stripe-Signature", "400 BAD_REQUEST", "404 NOT_FOUND integrationId", "400 STRIPE_INVALID_EVENT",
            ],
            [
                await RefusalAsync(tooLarge), await RefusalAsync(unsigned), await RefusalAsync(malformedSignature), await RefusalAsync(forged),
                await RefusalAsync(notText), await RefusalAsync(unknownIntegration), await RefusalAsync(unreadableEvent),
            ]);
    }

    [Fact]
    public async Task Refused_deliveries_past_the_address_rate_answer_RATE_LIMITED_with_retry_after()
    {
        await using var bed = await WebhookTestbed.StartAsync(new Dictionary<string, string?>
        {
            ["Gather:RateLimits:PermitsPerSecondPerAddress"] = "1", ["Gather:RateLimits:BurstPerAddress"] = "1",
        });
        var payload = WebhookTestbed.ChargeEvent("evt_flood", 5, WebhookTestbed.Now).ToJsonString();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
            answers.Add(await bed.DeliverAsync(payload, signed: false));
        var limited = answers.First(a => a.StatusCode == HttpStatusCode.TooManyRequests);

        Assert.Equal("429 RATE_LIMITED", await RefusalAsync(limited));
        Assert.NotNull(limited.Headers.RetryAfter);
        answers.ForEach(a => a.Dispose());
    }

    [Fact]
    public async Task An_event_the_store_could_not_apply_answers_STORE_UNAVAILABLE_with_retry_after()
    {
        var faults = new StoreFaults();
        await using var bed = await WebhookTestbed.StartAsync(services: faults.Install);

        faults.Arm("AttachAsync");
        using var failed = await bed.DeliverAsync(WebhookTestbed.ChargeEvent("evt_outage", 5, WebhookTestbed.Now).ToJsonString());

        Assert.Equal("503 STORE_UNAVAILABLE", await RefusalAsync(failed));
        Assert.Equal(TimeSpan.FromSeconds(5), failed.Headers.RetryAfter!.Delta);
    }

    [Fact]
    public async Task A_dispute_whose_charge_stripe_could_not_return_answers_STRIPE_UNAVAILABLE_with_retry_after()
    {
        await using var bed = await WebhookTestbed.StartAsync();
        var dispute = new JsonObject
        {
            ["id"] = "evt_dispute_outage", ["object"] = "event", ["type"] = "charge.dispute.created", ["created"] = WebhookTestbed.Now, ["livemode"] = false,
            ["data"] = new JsonObject { ["object"] = new JsonObject { ["id"] = "dp_1", ["object"] = "dispute", ["charge"] = WebhookTestbed.ChargeId } },
        }.ToJsonString();

        // More failures than the gateway retries.
        bed.Stripe.Faults.Add(new($"/v1/charges/{WebhookTestbed.ChargeId}", null, 500, Times: 20, DelayMilliseconds: 0));
        using var failed = await bed.DeliverAsync(dispute);

        Assert.Equal("503 STRIPE_UNAVAILABLE", await RefusalAsync(failed));
        Assert.NotNull(failed.Headers.RetryAfter);
    }
}
