using System.Text.Json.Nodes;
using Gather.Infrastructure.Integrations.StripeIntegration;
using Gather.Infrastructure.Indexes;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Operations;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Teams;

namespace Gather.Tests.Records;

/// <summary>
/// Attached data, integration tasks and their leases, and webhook event ids, as every adapter
/// stores them: confined to the team, a newer attached state never overwritten by an older one,
/// one lease holder at a time.
/// </summary>
public abstract partial class RecordQueryConformanceTests
{
    private static readonly FieldPath ChargeIdField = new(["stripe_charge_id"]);

    private static AttachedSnapshot Snapshot(string id, string status, long amount, long asOf) =>
        new(id, new JsonObject { ["id"] = id, ["status"] = status, ["amount"] = amount, ["description"] = $"Order for {status} plan" }, asOf);

    private static async Task SyncOrdersAsync(ITeamStore team, string modelId, params (string Id, string? Charge)[] orders)
    {
        var result = await SeededRecordStore.RecordService.SyncAsync(team, modelId, orders.Select(o => new RecordInput(o.Charge is null
            ? new JsonObject { ["id"] = o.Id }
            : new JsonObject { ["id"] = o.Id, ["stripe_charge_id"] = o.Charge })).ToList(), CancellationToken.None);
        Assert.Empty(result.Value!.Errors);
    }

    [SkippableFact]
    public async Task Attached_snapshots_reach_the_records_naming_them_keep_the_newest_state_and_can_be_filtered_sorted_and_searched()
    {
        var store = await EmptyStoreAsync();
        var (team, orders) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders");
        var (otherTeam, otherOrders) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders");
        await SyncOrdersAsync(team, orders.Id, ("1", "ch_a"), ("2", "ch_b"), ("3", "ch_a"), ("4", null), ("5", "ch_c"));
        await SyncOrdersAsync(otherTeam, otherOrders.Id, ("1", "ch_a"));
        await team.FieldIndexes.HoldAsync(new IndexOwner("test", "attach"), [new(orders.Id, ChargeIdField)], 20, CancellationToken.None);
        await team.FieldIndexes.HoldAsync(new IndexOwner("test", "attach"), [new(orders.Id, ChargeIdField)], 20, CancellationToken.None);
        var now = SeededRecordStore.T0;

        var unattached = await team.Records.UnattachedIdsAsync(orders.Id, ChargeIdField, AttachedData.StripeCharge, 10, CancellationToken.None);
        var attached = await team.Records.AttachAsync(orders.Id, ChargeIdField, AttachedData.StripeCharge,
            [Snapshot("ch_a", "succeeded", 500, 100), Snapshot("ch_b", "failed", 900, 100), Snapshot("ch_x", "succeeded", 1, 100)], now, CancellationToken.None);
        var again = await team.Records.AttachAsync(orders.Id, ChargeIdField, AttachedData.StripeCharge,
            [Snapshot("ch_a", "succeeded", 500, 101)], now, CancellationToken.None);
        var older = await team.Records.AttachAsync(orders.Id, ChargeIdField, AttachedData.StripeCharge,
            [Snapshot("ch_b", "succeeded", 900, 50)], now, CancellationToken.None);
        var newer = await team.Records.AttachAsync(orders.Id, ChargeIdField, AttachedData.StripeCharge,
            [Snapshot("ch_b", "refunded", 950, 200)], now, CancellationToken.None);
        var stillUnattached = await team.Records.UnattachedIdsAsync(orders.Id, ChargeIdField, AttachedData.StripeCharge, 10, CancellationToken.None);

        var succeeded = await QueryAsync(team, orders.Id, """{"field":"stripeCharge.status","eq":"succeeded"}""", """[{"field":"id"}]""", null);
        var byAmount = await QueryAsync(team, orders.Id, null, """[{"field":"stripeCharge.amount","direction":"DESC"},{"field":"id"}]""", null);
        var searched = await QueryAsync(team, orders.Id, null, """[{"field":"id"}]""", "refunded plan");
        var others = await otherTeam.Records.GetManyAsync(otherOrders.Id, ["1"], CancellationToken.None);

        Assert.Equal(["ch_a", "ch_b", "ch_c"], unattached.Order(StringComparer.Ordinal));
        Assert.Equal(3, attached); // Orders 1 and 3 (ch_a) and 2 (ch_b); no order names ch_x.
        Assert.Equal(0, again); // The same snapshot again changes nothing.
        Assert.Equal(0, older); // An older state than the one held is ignored.
        Assert.Equal(1, newer);
        Assert.Equal(["ch_c"], stillUnattached);
        Assert.Equal("1,3", Keys(succeeded));
        Assert.Equal("2,1,3,4,5", Keys(byAmount)); // 950, 500, 500, then records without a charge.
        Assert.Equal("2", Keys(searched));
        Assert.Equal("{}", Assert.Single(others).Linked.ToJsonString()); // Another team's order with the same charge id is untouched.
    }

    private static async Task<RecordPage> QueryAsync(ITeamStore team, string modelId, string? where, string order, string? search)
    {
        var built = SeededRecordStore.QueryBuilder.Build(QueryJson.Filter(where), QueryJson.Order(order), search, new PageInput(First: 50));
        Assert.True(built.Succeeded, string.Join("; ", built.Problems.Select(p => p.Message)));
        return await team.Records.QueryAsync(modelId, built.Value!, CancellationToken.None);
    }

    private static string Keys(RecordPage page) => string.Join(",", page.Records.Select(r => r.Key));

    [SkippableFact]
    public async Task Task_leases_admit_one_owner_until_released_or_expired_and_state_is_saved_only_under_the_lease()
    {
        var store = await EmptyStoreAsync();
        var (team, orders) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders");
        var (otherTeam, _) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders");
        var t0 = SeededRecordStore.T0;
        var integration = new Integration(DocumentIds.New("int"), team.TeamId, IntegrationKind.Stripe, "protected", "1234", t0);
        await team.Integrations.InsertAsync(integration, CancellationToken.None);
        var task = new IntegrationTask(DocumentIds.New("task"), team.TeamId, integration.Id, IntegrationTaskKind.SyncStripeCharges,
            new IntegrationTaskOptions(orders.Id, "stripe_charge_id"), IntegrationTaskState.New(t0), t0);
        await team.IntegrationTasks.InsertAsync(task, CancellationToken.None);
        var running = task.State with { Status = IntegrationTaskStatus.Running, Cursor = "ch_9", Progress = new(100, 7) };

        var a = await team.IntegrationTasks.TryLeaseAsync(task.Id, "a", t0, t0.AddMinutes(2), CancellationToken.None);
        var bWhileHeld = await team.IntegrationTasks.TryLeaseAsync(task.Id, "b", t0.AddMinutes(1), t0.AddMinutes(3), CancellationToken.None);
        var idleWhileHeld = await team.IntegrationTasks.SaveIdleStateAsync(task.Id, running, t0.AddMinutes(1), CancellationToken.None);
        var savedByA = await team.IntegrationTasks.SaveStateAsync(task.Id, "a", running, t0.AddMinutes(4), CancellationToken.None);
        var bBeforeRenewedExpiry = await team.IntegrationTasks.TryLeaseAsync(task.Id, "b", t0.AddMinutes(3), t0.AddMinutes(5), CancellationToken.None);
        var bAfterExpiry = await team.IntegrationTasks.TryLeaseAsync(task.Id, "b", t0.AddMinutes(4), t0.AddMinutes(6), CancellationToken.None);
        var savedByLostA = await team.IntegrationTasks.SaveStateAsync(task.Id, "a", task.State, t0.AddMinutes(7), CancellationToken.None);
        await team.IntegrationTasks.ReleaseAsync(task.Id, "a", CancellationToken.None); // Not a's to release.
        var aAfterWrongRelease = await team.IntegrationTasks.TryLeaseAsync(task.Id, "a", t0.AddMinutes(5), t0.AddMinutes(7), CancellationToken.None);
        await team.IntegrationTasks.ReleaseAsync(task.Id, "b", CancellationToken.None);
        var aAfterRelease = await team.IntegrationTasks.TryLeaseAsync(task.Id, "a", t0.AddMinutes(5), t0.AddMinutes(7), CancellationToken.None);
        var otherTeamLease = await otherTeam.IntegrationTasks.TryLeaseAsync(task.Id, "c", t0.AddHours(1), t0.AddHours(2), CancellationToken.None);

        Assert.Equal([true, false, false, true, false, true, false, false, true, false],
            new[] { a, bWhileHeld, idleWhileHeld, savedByA, bBeforeRenewedExpiry, bAfterExpiry, savedByLostA, aAfterWrongRelease, aAfterRelease, otherTeamLease });
        Assert.Equal(running, (await team.IntegrationTasks.GetAsync(task.Id, CancellationToken.None))!.State);
        Assert.Empty(await otherTeam.IntegrationTasks.ListAsync(CancellationToken.None));
        Assert.Null(await otherTeam.IntegrationTasks.GetAsync(task.Id, CancellationToken.None));
        Assert.False(await otherTeam.IntegrationTasks.DeleteAsync(task.Id, CancellationToken.None));
        Assert.Equal([task.Id], (await store.ListAllIntegrationTasksAsync(CancellationToken.None)).Select(t => t.Id));
        Assert.Equal(team.TeamId, await store.FindIntegrationTeamAsync(integration.Id, CancellationToken.None));
        Assert.True(await team.IntegrationTasks.DeleteAsync(task.Id, CancellationToken.None));
        Assert.Empty(await team.IntegrationTasks.ListAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task Webhook_event_ids_are_remembered_once_per_integration_and_can_be_looked_up()
    {
        var store = await EmptyStoreAsync();
        var (team, _) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders");
        var t0 = SeededRecordStore.T0;
        var integration = new Integration(DocumentIds.New("int"), team.TeamId, IntegrationKind.Stripe, "protected", "1234", t0);
        await team.Integrations.InsertAsync(integration, CancellationToken.None);

        var before = await team.Integrations.HasEventAsync(integration.Id, "evt_1", CancellationToken.None);
        var first = await team.Integrations.RememberEventAsync(integration.Id, "evt_1", t0, t0.AddDays(-7), CancellationToken.None);
        var duplicate = await team.Integrations.RememberEventAsync(integration.Id, "evt_1", t0.AddSeconds(5), t0.AddDays(-7), CancellationToken.None);
        var after = await team.Integrations.HasEventAsync(integration.Id, "evt_1", CancellationToken.None);
        var otherEvent = await team.Integrations.HasEventAsync(integration.Id, "evt_2", CancellationToken.None);
        var webhookSet = await team.Integrations.SetWebhookAsync(integration.Id, "we_1", "protected-secret", CancellationToken.None);
        var stored = Assert.Single(await team.Integrations.ListAsync(CancellationToken.None));

        Assert.Equal([false, true, false, true, false, true], new[] { before, first, duplicate, after, otherEvent, webhookSet });
        Assert.Equal(("we_1", "protected-secret"), (stored.WebhookEndpointId, stored.EncryptedWebhookSecret));
    }
}
