using System.Net;
using System.Text.Json.Nodes;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>
/// A dispute event naming a charge Stripe does not know is answered once as applied to nothing,
/// saying so, rather than 503 (which Stripe would retry for days against the same 404).
/// </summary>
public sealed class WebhookUnknownChargeTests
{
    [Fact]
    public async Task A_dispute_for_a_charge_stripe_does_not_know_is_acknowledged_saying_so_and_changes_nothing()
    {
        await using var bed = await WebhookTestbed.StartAsync();
        var before = await bed.OrdersAsync();
        var dispute = new JsonObject
        {
            ["id"] = "evt_dispute_unknown", ["object"] = "event", ["type"] = "charge.dispute.created", ["created"] = WebhookTestbed.Now, ["livemode"] = false,
            ["data"] = new JsonObject { ["object"] = new JsonObject { ["id"] = "dp_1", ["object"] = "dispute", ["charge"] = "ch_4567" } },
        }.ToJsonString();

        using var first = await bed.DeliverAsync(dispute);
        var firstBody = await first.Content.ReadAsStringAsync();
        using var again = await bed.DeliverAsync(dispute);
        var againBody = await again.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Stripe does not know charge 'ch_4567'", firstBody);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already received", againBody);
        Assert.Equal(before, await bed.OrdersAsync());
    }
}
