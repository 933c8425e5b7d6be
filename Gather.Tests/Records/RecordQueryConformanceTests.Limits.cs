using Gather.Infrastructure.Integrations.StripeIntegration;
using Gather.Infrastructure.Records;

namespace Gather.Tests.Records;

/// <summary>Store reads that are bounded on every adapter, whatever the data holds.</summary>
public abstract partial class RecordQueryConformanceTests
{
    [SkippableFact]
    public async Task Unattached_ids_are_distinct_and_at_most_the_limit()
    {
        var (team, orders) = await SeededRecordStore.CreateTeamWithModelAsync(await EmptyStoreAsync(), "Orders");
        await SyncOrdersAsync(team, orders.Id, Enumerable.Range(0, 12).Select(i => ($"o{i}", (string?)$"ch_{i % 5}")).ToArray());

        var three = await team.Records.UnattachedIdsAsync(orders.Id, ChargeIdField, AttachedData.StripeCharge, 3, CancellationToken.None);
        var all = await team.Records.UnattachedIdsAsync(orders.Id, ChargeIdField, AttachedData.StripeCharge, 100, CancellationToken.None);

        Assert.Equal(3, three.Count);
        Assert.Equal(3, three.Distinct().Count());
        Assert.Subset(all.ToHashSet(), three.ToHashSet());
        Assert.Equal(["ch_0", "ch_1", "ch_2", "ch_3", "ch_4"], all.Order(StringComparer.Ordinal));
    }
}
