using Gather.Infrastructure.Indexes;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Teams;

namespace Gather.Tests.Records;

/// <summary>
/// Orders an index can serve and orders it cannot, meeting in one model: a number field that
/// gains nulls, a JSON field that gains other kinds and loses them again, paging across type
/// ranks and through ties in both directions, with the model's field index held. MongoDB reads
/// the first kind as a plain sorted find and the second on computed sort keys; every adapter
/// returns the same pages.
/// </summary>
public abstract partial class RecordQueryConformanceTests
{
    /// <summary>Every page of the query, forward after each page's last record or backward before its first, as one list.</summary>
    private static async Task<List<string>> AllPagesAsync(ITeamStore team, Model model, string? where, string order, int size, bool backward)
    {
        var seen = new List<string>();
        string? cursor = null;
        for (var pages = 0; pages < 20; pages++)
        {
            var page = backward ? new PageInput(Last: size, Before: cursor) : new PageInput(First: size, After: cursor);
            var query = SeededRecordStore.QueryBuilder.Build(QueryJson.Filter(where), QueryJson.Order(order), null, page).Value!;
            var result = await team.Records.QueryAsync(model.Id, query, CancellationToken.None);
            var keys = result.Records.Select(r => r.Key);
            seen = backward ? keys.Concat(seen).ToList() : seen.Concat(keys).ToList();
            if (!result.HasMore)
                return seen;
            cursor = RecordCursor.For(backward ? result.Records[0] : result.Records[^1], query.Order).Encode(query.Order);
        }
        throw new InvalidOperationException("Paging did not end.");
    }

    private static Task<FieldIndexResult> HoldIndexAsync(ITeamStore team, Model model, params IndexedField[] fields) =>
        team.FieldIndexes.HoldAsync(new IndexOwner("view", "v1"), [new FieldIndexKey(model.Id, fields)], 20, CancellationToken.None);

    [SkippableTheory]
    [InlineData("ASC", 2, false)]
    [InlineData("ASC", 3, true)]
    [InlineData("DESC", 2, true)]
    [InlineData("DESC", 3, false)]
    public async Task A_number_field_that_gains_nulls_pages_in_one_order_through_ties_and_ranks(string direction, int size, bool backward)
    {
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(await EmptyStoreAsync(), "Orders");
        var descending = direction == "DESC";
        Assert.True((await HoldIndexAsync(team, model,
            new IndexedField(new FieldPath(["amount"]), descending ? SortDirection.Descending : SortDirection.Ascending))).Held);
        await SyncAsync(team, model, """{"id":"o01","amount":50}""", """{"id":"o02","amount":20}""", """{"id":"o03","amount":50}""",
            """{"id":"o04","amount":10}""", """{"id":"o05","amount":20.5}""", """{"id":"o06","amount":50}""", """{"id":"o07","amount":5}""",
            """{"id":"o08","amount":20}""");
        var order = $$"""[{"field":"amount","direction":"{{direction}}"}]""";

        var numbersOnly = await AllPagesAsync(team, model, null, order, size, backward);
        await SyncAsync(team, model, """{"id":"o09","note":"no amount"}""", """{"id":"o10","amount":null}""", """{"id":"o11","amount":0}""");
        var withNulls = await AllPagesAsync(team, model, null, order, size, backward);
        var aboveTen = await AllPagesAsync(team, model, """{"field":"amount","gt":10}""", order, size, backward);

        string[] ascending = ["o07", "o04", "o02", "o08", "o05", "o01", "o03", "o06"];
        string[] descendingOrder = ["o01", "o03", "o06", "o05", "o02", "o08", "o04", "o07"];
        Assert.Equal(descending ? descendingOrder : ascending, numbersOnly);
        Assert.Equal(descending ? [.. descendingOrder, "o11", "o09", "o10"] : ["o09", "o10", "o11", .. ascending], withNulls);
        Assert.Equal(descending ? ["o01", "o03", "o06", "o05", "o02", "o08"] : ["o02", "o08", "o05", "o01", "o03", "o06"], aboveTen);
    }

    [SkippableTheory]
    [InlineData("ASC", false)]
    [InlineData("ASC", true)]
    [InlineData("DESC", false)]
    [InlineData("DESC", true)]
    public async Task A_json_field_that_gains_and_loses_other_kinds_pages_in_one_order(string direction, bool backward)
    {
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(await EmptyStoreAsync(), declared: [new DeclaredField("v", FieldType.Json)]);
        await HoldIndexAsync(team, model, new IndexedField(new FieldPath(["v"])));
        await SyncAsync(team, model, """{"id":"j1","v":3}""", """{"id":"j2","v":1.5}""", """{"id":"j3","v":3}""", """{"id":"j4"}""");
        var order = $$"""[{"field":"v","direction":"{{direction}}"}]""";
        var descending = direction == "DESC";

        var numbers = await AllPagesAsync(team, model, null, order, 2, backward);
        await SyncAsync(team, model, """{"id":"j5","v":"b"}""", """{"id":"j6","v":true}""", """{"id":"j7","v":{"x":1}}""",
            """{"id":"j8","v":"a"}""", """{"id":"j9","v":[1]}""");
        var mixed = await AllPagesAsync(team, model, null, order, 2, backward);
        await team.Records.DeleteAsync(model.Id, ["j5", "j6", "j7", "j8", "j9"], CancellationToken.None);
        var numbersAgain = await AllPagesAsync(team, model, null, order, 2, backward);

        Assert.Equal(descending ? ["j1", "j3", "j2", "j4"] : ["j4", "j2", "j1", "j3"], numbers);
        Assert.Equal(descending ? ["j6", "j5", "j8", "j1", "j3", "j2", "j4", "j7", "j9"] : ["j4", "j7", "j9", "j2", "j1", "j3", "j8", "j5", "j6"], mixed);
        Assert.Equal(numbers, numbersAgain);
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Equality_range_and_sort_on_an_indexed_pair_page_alike(bool backward)
    {
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(await EmptyStoreAsync(), "Orders");
        await HoldIndexAsync(team, model, new IndexedField(new FieldPath(["status"])),
            new IndexedField(new FieldPath(["amount"]), SortDirection.Descending));
        await SyncAsync(team, model, """{"id":"s01","status":"paid","amount":100}""", """{"id":"s02","status":"paid","amount":300}""",
            """{"id":"s03","status":"open","amount":300}""", """{"id":"s04","status":"paid","amount":300}""",
            """{"id":"s05","status":"paid","amount":50}""", """{"id":"s06","status":"void","amount":400}""",
            """{"id":"s07","status":"paid"}""", """{"id":"s08","status":"paid","amount":5000}""", """{"id":"s09","status":"open","amount":1}""");

        var paidAboveTen = await AllPagesAsync(team, model, """{"field":"status","eq":"paid","and":[{"field":"amount","gt":10}]}""",
            """[{"field":"amount","direction":"DESC"}]""", 2, backward);
        var byStatusThenAmount = await AllPagesAsync(team, model, null,
            """[{"field":"status"},{"field":"amount","direction":"DESC"}]""", 2, backward);
        var paidOnly = await AllPagesAsync(team, model, """{"field":"status","eq":"paid"}""", """[{"field":"amount"}]""", 4, backward);

        Assert.Equal(["s08", "s02", "s04", "s01", "s05"], paidAboveTen);
        Assert.Equal(["s03", "s09", "s08", "s02", "s04", "s01", "s05", "s07", "s06"], byStatusThenAmount);
        Assert.Equal(["s07", "s05", "s01", "s02", "s04", "s08"], paidOnly);
    }
}
