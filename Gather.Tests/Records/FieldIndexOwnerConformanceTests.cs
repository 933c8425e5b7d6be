using System.Text.Json.Nodes;
using Gather.Infrastructure.Indexes;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Operations;
using Gather.Infrastructure.Records.Querying;

namespace Gather.Tests.Records;

/// <summary>
/// The owners the API adds (a person's createIndex, a view) hold indexes as tasks do, and every
/// adapter tells each listed index's status and size, or why it cannot.
/// </summary>
public abstract partial class RecordQueryConformanceTests
{
    [SkippableFact]
    public async Task A_person_and_a_view_share_an_index_and_the_last_to_let_go_drops_it_and_each_listed_index_has_a_state()
    {
        var store = await EmptyStoreAsync();
        var (team, orders) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders");
        var (otherTeam, _) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders");
        var records = Enumerable.Range(1, 3).Select(i => new RecordInput(new JsonObject { ["id"] = $"{i}", ["status"] = "paid", ["amount"] = i * 10 })).ToList();
        Assert.Equal(3, (await SeededRecordStore.RecordService.SyncAsync(team, orders.Id, records, CancellationToken.None)).Value!.Created);
        var key = new FieldIndexKey(orders.Id, [new IndexedField(new FieldPath(["status"])), new IndexedField(new FieldPath(["amount"]), SortDirection.Descending)]);
        var name = FieldIndexNames.For(team.TeamId, key);

        var byPerson = await team.FieldIndexes.HoldAsync(IndexOwner.User(name), [key], 5, CancellationToken.None);
        var byView = await team.FieldIndexes.HoldAsync(IndexOwner.View("view_1"), [key], 5, CancellationToken.None);
        var listed = await team.FieldIndexes.ListAsync(CancellationToken.None);
        var states = await team.FieldIndexes.StatesAsync(listed, CancellationToken.None);
        var otherSees = await otherTeam.FieldIndexes.ListAsync(CancellationToken.None);
        await team.FieldIndexes.HoldAsync(IndexOwner.User(name), [], 5, CancellationToken.None);
        var afterPerson = await team.FieldIndexes.ListAsync(CancellationToken.None);
        await team.FieldIndexes.HoldAsync(IndexOwner.View("view_1"), [], 5, CancellationToken.None);
        var afterView = await team.FieldIndexes.ListAsync(CancellationToken.None);

        Assert.True(byPerson.Held && byView.Held);
        var index = Assert.Single(listed);
        Assert.Equal(name, index.Name);
        Assert.Equal(["status", "$desc amount"], index.Key.FieldNames);
        Assert.Equal([IndexOwner.User(name), IndexOwner.View("view_1")], index.Owners.OrderBy(o => o.Kind, StringComparer.Ordinal));
        var state = states[name];
        // Each adapter gives a size or says why it cannot.
        Assert.True(state.Entries is not null && state.Bytes is not null || state.SizeUnavailable is { Length: > 0 });
        if (state.Entries is { } entries)
            Assert.Equal(3, entries);
        Assert.Empty(otherSees);
        Assert.Equal([IndexOwner.View("view_1")], Assert.Single(afterPerson).Owners);
        Assert.Empty(afterView);
    }
}
