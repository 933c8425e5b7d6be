using System.Text.Json.Nodes;
using Gather.Infrastructure.Integrations.StripeIntegration;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Operations;
using Gather.Infrastructure.Storage;

namespace Gather.Tests.Records;

/// <summary>
/// What a Sync Stripe Charges task reports it could not match, as every adapter counts it:
/// records without a charge id (missing, empty, not text) and records whose id has nothing
/// attached, with the first few by id, confined to the team; and the task's check and warnings
/// stored with its state.
/// </summary>
public abstract partial class RecordQueryConformanceTests
{
    [SkippableFact]
    public async Task Coverage_counts_records_without_an_id_and_with_an_id_nothing_is_attached_for_with_examples_in_id_order()
    {
        var store = await EmptyStoreAsync();
        // The charge id field also holds a number here, which only a field declared JSON accepts.
        var (team, orders) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders", [new DeclaredField("stripe_charge_id", FieldType.Json)]);
        var (otherTeam, otherOrders) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders");
        await SyncOrdersAsync(team, orders.Id, ("1", "ch_a"), ("2", "ch_b"), ("3", null), ("4", "ch_c"), ("5", ""), ("7", "ch_d"));
        var numeric = await SeededRecordStore.RecordService.SyncAsync(team, orders.Id,
            [new RecordInput(new JsonObject { ["id"] = "6", ["stripe_charge_id"] = 42 })], CancellationToken.None);
        Assert.Empty(numeric.Value!.Errors);
        await SyncOrdersAsync(otherTeam, otherOrders.Id, ("1", "ch_a"), ("2", null), ("3", "ch_zz"));
        await team.Records.AttachAsync(orders.Id, ChargeIdField, AttachedData.StripeCharge,
            [Snapshot("ch_a", "succeeded", 500, 100), Snapshot("ch_b", "failed", 900, 100)], SeededRecordStore.T0, CancellationToken.None);

        var coverage = await team.Records.CoverageAsync(orders.Id, ChargeIdField, AttachedData.StripeCharge, 2, CancellationToken.None);
        var none = await team.Records.CoverageAsync(orders.Id, ChargeIdField, AttachedData.StripeCharge, 0, CancellationToken.None);
        var other = await otherTeam.Records.CoverageAsync(otherOrders.Id, ChargeIdField, AttachedData.StripeCharge, 5, CancellationToken.None);

        Assert.Equal((7L, 4L, 2L, 3L, 2L), (coverage.Records, coverage.WithId, coverage.Attached, coverage.WithoutId, coverage.Unattached));
        Assert.Equal(["3", "5"], coverage.WithoutIdExamples); // "", 42 and a missing field are no id; the first two by id.
        Assert.Equal([new UnattachedRecord("4", "ch_c"), new UnattachedRecord("7", "ch_d")], coverage.UnattachedExamples);
        Assert.Empty(none.WithoutIdExamples);
        Assert.Empty(none.UnattachedExamples);
        Assert.Equal((3L, 2L, 0L), (other.Records, other.WithId, other.Attached));
        Assert.Equal(["2"], other.WithoutIdExamples);
        Assert.Equal([new UnattachedRecord("1", "ch_a"), new UnattachedRecord("3", "ch_zz")], other.UnattachedExamples);
    }

    [SkippableFact]
    public async Task A_tasks_check_and_warnings_are_stored_with_its_state()
    {
        var store = await EmptyStoreAsync();
        var (team, orders) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders");
        var t0 = SeededRecordStore.T0;
        var integration = new Integration(DocumentIds.New("int"), team.TeamId, IntegrationKind.Stripe, "protected", "1234", t0);
        await team.Integrations.InsertAsync(integration, CancellationToken.None);
        var task = new IntegrationTask(DocumentIds.New("task"), team.TeamId, integration.Id, IntegrationTaskKind.SyncStripeCharges,
            new IntegrationTaskOptions(orders.Id, "stripe_charge_id"), IntegrationTaskState.New(t0), t0);
        await team.IntegrationTasks.InsertAsync(task, CancellationToken.None);
        var check = new ChargeIdCheck(3, 1, new UnmatchedRecords(1, [new UnmatchedRecord("3", null)]),
            new UnmatchedRecords(1, [new UnmatchedRecord("1234", "ch_4567")]), t0.AddMinutes(1));
        var checkedState = task.State with
        {
            Status = IntegrationTaskStatus.Succeeded, Progress = new IntegrationTaskProgress(30, 1, check),
            Warnings = IntegrationTaskWarning.For("Orders", "stripe_charge_id", check),
        };

        var saved = await team.IntegrationTasks.SaveIdleStateAsync(task.Id, checkedState, t0.AddMinutes(1), CancellationToken.None);
        var stored = (await team.IntegrationTasks.GetAsync(task.Id, CancellationToken.None))!.State;

        Assert.True(saved);
        Assert.Equivalent(checkedState, stored, strict: true);
        Assert.Equal(IntegrationTaskWarning.UnknownChargeIds, Assert.Single(stored.Warnings!).Code);
        // A state stored before checks existed reads with none.
        var earlier = IntegrationTaskJson.Read<IntegrationTaskState>("""
            {"status":"Succeeded","cursor":null,"progress":{"scanned":3,"recordsChanged":1},"backfillDone":true,"startedAt":null,"finishedAt":null,"nextRunAt":null,"lastError":null,"note":null}
            """);
        Assert.Equal((3L, 1L, (ChargeIdCheck?)null), (earlier.Progress.Scanned, earlier.Progress.RecordsChanged, earlier.Progress.ChargeIds));
        Assert.Null(earlier.Warnings);
    }
}
