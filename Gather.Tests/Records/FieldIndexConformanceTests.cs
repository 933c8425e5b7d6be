using Gather.Infrastructure.Indexes;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Teams;

namespace Gather.Tests.Records;

/// <summary>
/// Field indexes as every adapter registers them: held by owners, one per team, model and fields
/// however many owners need it, counted against the team's limit, dropped with the last owner.
/// </summary>
public abstract partial class RecordQueryConformanceTests
{
    private static readonly FieldPath ChargeField = new(["stripe_charge_id"]), OtherField = new(["charge.id"]);

    private static async Task<string> IndexesAsync(ITeamStore team) =>
        string.Join(" | ", (await team.FieldIndexes.ListAsync(CancellationToken.None)).Select(i =>
            $"{i.Key.ModelId[..5]}:{string.Join(",", i.Key.FieldNames)}<-{string.Join(",", i.Owners.Select(o => o.Id))}").Order(StringComparer.Ordinal));

    [SkippableFact]
    public async Task Field_indexes_are_shared_by_their_owners_counted_per_team_and_dropped_with_the_last_owner()
    {
        var store = await EmptyStoreAsync();
        var (team, orders) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders");
        var (otherTeam, otherOrders) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders");
        const int limit = 2;
        Task<FieldIndexResult> HoldAsync(ITeamStore on, string owner, params FieldIndexKey[] keys) =>
            on.FieldIndexes.HoldAsync(IndexOwner.IntegrationTask(owner), keys, limit, CancellationToken.None);

        var first = await HoldAsync(team, "t1", new FieldIndexKey(orders.Id, ChargeField));
        var again = await HoldAsync(team, "t1", new FieldIndexKey(orders.Id, ChargeField));
        var shared = await HoldAsync(team, "t2", new FieldIndexKey(orders.Id, ChargeField));
        var second = await HoldAsync(team, "t3", new FieldIndexKey(orders.Id, OtherField));
        var shown = await IndexesAsync(team);
        var overLimit = await HoldAsync(team, "t4", new FieldIndexKey(orders.Id, new FieldPath(["third"])));
        var otherAtItsOwn = await HoldAsync(otherTeam, "t9", new FieldIndexKey(otherOrders.Id, ChargeField));
        var afterRefusal = await IndexesAsync(team);
        var joinAtLimit = await HoldAsync(team, "t4", new FieldIndexKey(orders.Id, ChargeField)); // An index that exists costs no place.
        await HoldAsync(team, "t1");
        var afterOneOwner = await IndexesAsync(team);
        await HoldAsync(team, "t2");
        await HoldAsync(team, "t4");
        var afterLastOwner = await IndexesAsync(team);
        var changed = await HoldAsync(team, "t3", new FieldIndexKey(orders.Id, ChargeField)); // The task's field changed: the old index goes.
        var afterChange = await IndexesAsync(team);

        Assert.Equal([true, true, true, true, false, true, true, true], new[]
            { first.Held, again.Held, shared.Held, second.Held, overLimit.Held, otherAtItsOwn.Held, joinAtLimit.Held, changed.Held });
        Assert.Equal((1, 1, 2, 2, 2), (first.TeamIndexes, again.TeamIndexes, second.TeamIndexes, overLimit.TeamIndexes, overLimit.Limit));
        var model = orders.Id[..5];
        Assert.Equal($"{model}:charge.id<-t3 | {model}:stripe_charge_id<-t1,t2", shown);
        Assert.Equal(shown, afterRefusal); // Refused: nothing changed.
        Assert.Equal($"{model}:charge.id<-t3 | {model}:stripe_charge_id<-t2,t4", afterOneOwner);
        Assert.Equal($"{model}:charge.id<-t3", afterLastOwner);
        Assert.Equal($"{model}:stripe_charge_id<-t3", afterChange);
        Assert.Equal($"{otherOrders.Id[..5]}:stripe_charge_id<-t9", await IndexesAsync(otherTeam));
    }
}
