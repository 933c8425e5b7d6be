using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records.Querying;

namespace Gather.Tests.Records;

/// <summary>Related records for many parents in one call, identical on every adapter.</summary>
public abstract partial class RecordQueryConformanceTests
{
    private static RecordQuery Query(FilterInput? where = null, SortInput[]? order = null, int first = 50, string? after = null) =>
        SeededRecordStore.QueryBuilder.Build(where, order, null, new PageInput(First: first, After: after)).Value!;

    private static Dictionary<string, string[]> Keys(IReadOnlyDictionary<string, RecordPage> pages) =>
        pages.ToDictionary(p => p.Key, p => p.Value.Records.Select(r => r.Key).ToArray());

    [SkippableFact]
    public async Task Related_records_are_paged_per_link_value_in_one_call()
    {
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(await EmptyStoreAsync(), "Projects");
        await SyncAsync(team, model,
            """{"id":"p1","owner":"ann@a.com","size":3}""", """{"id":"p2","owner":"ann@a.com","size":1}""",
            """{"id":"p3","owner":"ann@a.com","size":2}""", """{"id":"p4","owner":"bob@b.com","size":5}""",
            """{"id":"p5","owner":"ANN@a.com"}""", """{"id":"p6","owner":["ann@a.com"]}""", """{"id":"p7"}""");
        var link = new RecordLink(new FieldPath(["owner"]), ["ann@a.com", "bob@b.com", "cy@c.com"]);
        var bySize = new[] { new SortInput("size", SortDirection.Descending) };

        var firstPages = await team.Records.QueryRelatedAsync(model.Id, link, Query(order: bySize, first: 2), CancellationToken.None);
        var cursor = RecordCursor.For(firstPages["ann@a.com"].Records[^1], Query(order: bySize).Order).Encode(Query(order: bySize).Order);
        var nextPages = await team.Records.QueryRelatedAsync(model.Id, link with { Values = ["ann@a.com"] },
            Query(order: bySize, first: 2, after: cursor), CancellationToken.None);
        var counts = await team.Records.CountRelatedAsync(model.Id, link, null, [], CancellationToken.None);

        // Case matters (values compare as text), arrays relate to nothing, values without records are absent.
        Assert.Equal(new Dictionary<string, string[]> { ["ann@a.com"] = ["p1", "p3"], ["bob@b.com"] = ["p4"] }, Keys(firstPages));
        Assert.True(firstPages["ann@a.com"].HasMore);
        Assert.False(firstPages["bob@b.com"].HasMore);
        Assert.Equal(["p2"], Keys(nextPages)["ann@a.com"]);
        Assert.False(nextPages["ann@a.com"].HasMore);
        Assert.Equal(new Dictionary<string, long> { ["ann@a.com"] = 3, ["bob@b.com"] = 1 }, counts);
    }

    [SkippableFact]
    public async Task Related_records_match_integers_and_strings_as_text_and_keys_directly()
    {
        // Values of every kind in one field: only a field declared JSON holds them.
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(await EmptyStoreAsync(), "Orders",
            [new DeclaredField("customer", FieldType.Json)]);
        await SyncAsync(team, model,
            """{"id":"o1","customer":1234,"status":"paid"}""", """{"id":"o2","customer":"1234","status":"open"}""",
            """{"id":"o3","customer":12.5}""", """{"id":"o4","customer":true}""", """{"id":"1234"}""");
        var paid = new FilterInput(null, null, null, "status", [(FilterOperator.Eq, System.Text.Json.Nodes.JsonValue.Create("paid"))]);

        var byField = await team.Records.QueryRelatedAsync(model.Id, new RecordLink(new FieldPath(["customer"]), ["1234", "12.5", "true"]),
            Query(), CancellationToken.None);
        var filtered = await team.Records.CountRelatedAsync(model.Id, new RecordLink(new FieldPath(["customer"]), ["1234"]),
            Query(where: paid).Where, [], CancellationToken.None);
        var byKey = await team.Records.QueryRelatedAsync(model.Id, new RecordLink(null, ["1234", "o9"]), Query(), CancellationToken.None);

        Assert.Equal(new Dictionary<string, string[]> { ["1234"] = ["o1", "o2"] }, Keys(byField));
        Assert.Equal(new Dictionary<string, long> { ["1234"] = 1 }, filtered);
        Assert.Equal(new Dictionary<string, string[]> { ["1234"] = ["1234"] }, Keys(byKey));
    }

    [SkippableFact]
    public async Task Related_records_of_another_team_are_invisible()
    {
        var store = await EmptyStoreAsync();
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Projects");
        var (otherTeam, otherModel) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Projects");
        await SyncAsync(otherTeam, otherModel, """{"id":"p1","owner":"ann@a.com"}""");
        var link = new RecordLink(new FieldPath(["owner"]), ["ann@a.com"]);

        Assert.Empty(await team.Records.QueryRelatedAsync(model.Id, link, Query(), CancellationToken.None));
        Assert.Empty(await team.Records.QueryRelatedAsync(otherModel.Id, link, Query(), CancellationToken.None));
        Assert.Empty(await team.Records.CountRelatedAsync(otherModel.Id, link, null, [], CancellationToken.None));
    }
}
