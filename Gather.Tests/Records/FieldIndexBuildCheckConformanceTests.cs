using Gather.Infrastructure.Indexes;
using Gather.Infrastructure.Records.Querying;

namespace Gather.Tests.Records;

/// <summary>
/// A hold asks its build check (e.g. whether the model is too large to index here) only when it
/// might build: not when the owner already holds exactly what it needs, built. A refused check
/// changes nothing and its reason comes back with the result.
/// </summary>
public abstract partial class RecordQueryConformanceTests
{
    [SkippableFact]
    public async Task A_hold_asks_its_build_check_only_when_it_might_build_and_a_refusal_changes_nothing()
    {
        var store = await EmptyStoreAsync();
        var (team, orders) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders");
        var key = new FieldIndexKey(orders.Id, new FieldPath(["stripe_charge_id"]));
        var asked = 0;
        Task<FieldIndexResult> HoldAsync(string? refusal) => team.FieldIndexes.HoldAsync(IndexOwner.IntegrationTask("t1"), [key], 5,
            _ =>
            {
                asked++;
                return Task.FromResult(refusal);
            }, CancellationToken.None);

        var refused = await HoldAsync("too large");
        var afterRefusal = await team.FieldIndexes.ListAsync(CancellationToken.None);
        var held = await HoldAsync(null);
        var askedBeforeHeld = asked;
        var again = await HoldAsync("too large");

        Assert.Equal((false, "too large"), (refused.Held, refused.BuildRefusal));
        Assert.Empty(afterRefusal);
        Assert.Equal((true, true, null), (held.Held, held.Changed, held.BuildRefusal));
        Assert.Equal(2, askedBeforeHeld);
        // Held already, built: nothing to build, so nothing asked.
        Assert.Equal((true, false, null, 2), (again.Held, again.Changed, again.BuildRefusal, asked));
    }
}
