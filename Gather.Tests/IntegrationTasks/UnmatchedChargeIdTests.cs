using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gather.Tests.Support;
using static Gather.Tests.Support.IntegrationTaskSteps;

namespace Gather.Tests.IntegrationTasks;

/// <summary>
/// A Sync Stripe Charges task says what it could not do: records without a charge id, charge ids
/// Stripe does not know (the guide's own <c>ch_4567</c>), counted with a few examples, and a
/// warning when nothing could match. Through the HTTP pipeline, SQLite and the fake Stripe.
/// </summary>
public sealed class UnmatchedChargeIdTests : IAsyncLifetime
{
    private StripeGuideHost _host = null!;

    public async Task InitializeAsync() => _host = await StripeGuideHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private HttpClient Admin => _host.Admin;

    private const string Report = """
        progress { scanned recordsUpdated checkedAt
          withoutChargeId { count examples { recordId chargeId } }
          unknownChargeIds { count examples { recordId chargeId } } }
        warnings { code message }
        """;

    private async Task<JsonNode> ReportAsync(string taskId) =>
        (await Admin.PostGraphQLAsync($"{{ integrationTasks {{ id status {Report} }} }}"))
        .Data!["integrationTasks"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == taskId)!;

    private async Task<JsonNode> WaitForReportAsync(string taskId, Func<JsonNode, bool> done)
    {
        for (var i = 0; i < 600; i++)
        {
            var task = await ReportAsync(taskId);
            if (done(task))
                return task;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Task {taskId} did not get there: {(await ReportAsync(taskId)).ToJsonString()}");
    }

    private static bool Checked(JsonNode task) => Is(task, "SUCCEEDED") && task["progress"]!["checkedAt"] is not null;

    private async Task<string> TaskOnAsync(string modelId, string field)
    {
        var integration = await ConnectStripeAsync(Admin);
        var created = (await Admin.PostGraphQLAsync("""
            mutation($i: ID!, $m: ID!, $f: String!) { createIntegrationTask(input: { integrationId: $i, kind: SYNC_STRIPE_CHARGES, options: { modelId: $m, chargeIdField: $f } }) {
              task { id } errors { message } } }
            """, new { i = integration, m = modelId, f = field })).Data!["createIntegrationTask"]!;
        Assert.Null(created["errors"]);
        return created["task"]!["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Records_without_a_charge_id_and_ids_stripe_does_not_know_are_counted_with_a_few_examples()
    {
        // The guide's order (ch_4567 is not a charge of the account), one that Stripe knows, and seven without an id.
        var orders = await CreateOrdersAsync(Admin, [("1234", "ch_4567"), ("1235", "ch_fake000000000"),
            .. Enumerable.Range(1, 7).Select(n => ($"a{n:00}", (string?)null))]);
        var taskId = await TaskOnAsync(orders, "stripe_charge_id");

        var task = await WaitForReportAsync(taskId, Checked);

        var progress = task["progress"]!;
        Assert.Equal(1, progress["recordsUpdated"]!.GetValue<long>());
        Assert.Equal(7, progress["withoutChargeId"]!["count"]!.GetValue<long>());
        Assert.Equal("""[{"recordId":"a01","chargeId":null},{"recordId":"a02","chargeId":null},{"recordId":"a03","chargeId":null},{"recordId":"a04","chargeId":null},{"recordId":"a05","chargeId":null}]""",
            progress["withoutChargeId"]!["examples"]!.ToJsonString());
        Assert.Equal("""{"count":1,"examples":[{"recordId":"1234","chargeId":"ch_4567"}]}""", progress["unknownChargeIds"]!.ToJsonString());
        var warning = Assert.Single(task["warnings"]!.AsArray())!;
        Assert.Equal("UNKNOWN_CHARGE_IDS", warning["code"]!.GetValue<string>());
        Assert.Contains("'ch_4567' on record '1234'", warning["message"]!.GetValue<string>());

        // A new order naming an unknown charge is counted once its charge was looked for, without waiting for the reconcile.
        (await Admin.PostAsJsonAsync($"/models/{orders}/records", new { id = "1300", stripe_charge_id = "ch_nope" })).EnsureSuccessStatusCode();
        var later = await WaitForReportAsync(taskId, t => t["progress"]!["unknownChargeIds"]!["count"]!.GetValue<long>() == 2);

        Assert.Equal("""[{"recordId":"1234","chargeId":"ch_4567"},{"recordId":"1300","chargeId":"ch_nope"}]""",
            later["progress"]!["unknownChargeIds"]!["examples"]!.ToJsonString());
        Assert.Equal("SUCCEEDED", later["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_field_no_record_holds_ends_with_a_warning_naming_the_field()
    {
        // The field is declared (so the task can name it) but no record carries it.
        var orders = (await Admin.PostGraphQLAsync("""
            mutation { createModel(input: { name: "Orders", idField: "id", fields: [{ path: "stripe_charge", type: STRING }] }) { model { id } } }
            """)).Data!["createModel"]!["model"]!["id"]!.GetValue<string>();
        (await Admin.PostAsJsonAsync($"/models/{orders}/records", new[] { new { id = "1", stripe_charge_id = "ch_fake000000000" }, new { id = "2", stripe_charge_id = "ch_fake000001000" } }))
            .EnsureSuccessStatusCode();
        var taskId = await TaskOnAsync(orders, "stripe_charge");

        var task = await WaitForReportAsync(taskId, Checked);

        Assert.Equal(0, task["progress"]!["recordsUpdated"]!.GetValue<long>());
        Assert.Equal(2, task["progress"]!["withoutChargeId"]!["count"]!.GetValue<long>());
        var warning = Assert.Single(task["warnings"]!.AsArray())!;
        Assert.Equal("NO_CHARGE_IDS", warning["code"]!.GetValue<string>());
        Assert.Contains("None of the 2 records of Orders holds a charge id in 'stripe_charge'", warning["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Charge_ids_stripe_knows_none_of_end_with_a_warning()
    {
        var orders = await CreateOrdersAsync(Admin, [("1", "ch_4567"), ("2", "ch_4568")]);
        var taskId = await TaskOnAsync(orders, "stripe_charge_id");

        var task = await WaitForReportAsync(taskId, Checked);

        Assert.Equal(2, task["progress"]!["unknownChargeIds"]!["count"]!.GetValue<long>());
        Assert.Equal(0, task["progress"]!["withoutChargeId"]!["count"]!.GetValue<long>());
        var warning = Assert.Single(task["warnings"]!.AsArray())!;
        Assert.Equal("NOTHING_MATCHED", warning["code"]!.GetValue<string>());
        Assert.Contains("Stripe knows none of them (e.g. 'ch_4567' on record '1')", warning["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_task_that_matched_every_charge_id_has_no_warnings()
    {
        var orders = await CreateOrdersAsync(Admin, [("1", "ch_fake000000000")]);
        var taskId = await TaskOnAsync(orders, "stripe_charge_id");

        var task = await WaitForReportAsync(taskId, Checked);

        Assert.Empty(task["warnings"]!.AsArray());
        Assert.Equal("""{"count":0,"examples":[]}""", task["progress"]!["unknownChargeIds"]!.ToJsonString());
    }
}
