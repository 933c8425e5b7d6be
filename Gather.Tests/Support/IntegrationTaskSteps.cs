using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Gather.Tests.Support;

/// <summary>The GraphQL and REST steps integration task tests share: orders, Stripe, the charges task, waiting for a status.</summary>
public static class IntegrationTaskSteps
{
    public static async Task<string> CreateOrdersAsync(HttpClient admin, IEnumerable<(string Id, string? ChargeId)> orders)
    {
        var model = (await admin.PostGraphQLAsync("""mutation { createModel(input: { name: "Orders", idField: "id" }) { model { id } } }"""))
            .Data!["createModel"]!["model"]!["id"]!.GetValue<string>();
        foreach (var batch in orders.Chunk(1000))
            (await admin.PostAsJsonAsync($"/models/{model}/records",
                batch.Select(o => o.ChargeId is null ? new JsonObject { ["id"] = o.Id } : new JsonObject { ["id"] = o.Id, ["stripe_charge_id"] = o.ChargeId })))
                .EnsureSuccessStatusCode();
        return model;
    }

    public static async Task<string> ConnectStripeAsync(HttpClient admin) =>
        (await admin.PostGraphQLAsync("""mutation($k: String!) { connectStripe(input: { secretKey: $k }) { integration { id } errors { message } } }""",
            new { k = FakeStripeServer.SecretKey })).Data!["connectStripe"]!["integration"]!["id"]!.GetValue<string>();

    public static async Task<string> CreateChargesTaskAsync(HttpClient admin, string integrationId, string modelId)
    {
        var created = (await admin.PostGraphQLAsync("""
            mutation($i: ID!, $m: ID!) { createIntegrationTask(input: { integrationId: $i, kind: SYNC_STRIPE_CHARGES, options: { modelId: $m, chargeIdField: "stripe_charge_id" } }) {
              task { id } errors { message } } }
            """, new { i = integrationId, m = modelId })).Data!["createIntegrationTask"]!;
        Assert.Null(created["errors"]);
        return created["task"]!["id"]!.GetValue<string>();
    }

    public static async Task<JsonNode> TaskAsync(HttpClient admin, string taskId) =>
        (await admin.PostGraphQLAsync("{ integrationTasks { id kind status progress { scanned recordsUpdated } lastError note backfillDone startedAt finishedAt nextRunAt } }"))
        .Data!["integrationTasks"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == taskId)!;

    /// <summary>Polls the task until <paramref name="done"/> holds (at most about 30 seconds).</summary>
    public static async Task<JsonNode> WaitForTaskAsync(HttpClient admin, string taskId, Func<JsonNode, bool> done)
    {
        for (var i = 0; i < 600; i++)
        {
            var task = await TaskAsync(admin, taskId);
            if (done(task))
                return task;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Task {taskId} did not get there: {(await TaskAsync(admin, taskId)).ToJsonString()}");
    }

    public static bool Is(JsonNode task, string status) => task["status"]!.GetValue<string>() == status;

    /// <summary>Every order's own charge id beside the id of the charge attached to it, paging through the model.</summary>
    public static async Task<List<(string? Own, string? Attached)>> AttachmentsAsync(HttpClient admin, string modelId)
    {
        var pairs = new List<(string?, string?)>();
        string? after = null;
        while (true)
        {
            var page = (await admin.PostGraphQLAsync("""
                query($m: ID!, $after: String) { records(modelId: $m, first: 100, after: $after) { nodes { values(columns: ["stripe_charge_id", "stripeCharge.id"]) } pageInfo { hasNextPage endCursor } } }
                """, new { m = modelId, after })).Data!["records"]!;
            pairs.AddRange(page["nodes"]!.AsArray().Select(n => (n!["values"]![0]?.GetValue<string>(), n["values"]![1]?.GetValue<string>())));
            if (!page["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
                return pairs;
            after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
    }
}
