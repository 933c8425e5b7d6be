using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Teams;

namespace Gather.Tests.Records;

/// <summary>
/// Filter, sort, search and paging semantics every adapter must share: each case of
/// <see cref="RecordQueryCases"/> runs against the seeded store of the subclass's adapter.
/// </summary>
public abstract partial class RecordQueryConformanceTests
{
    /// <summary>The seeded store, team and model (shared by the class, read only); skips (visibly) where the adapter's database is unavailable.</summary>
    protected abstract Task<(IGatherStore Store, ITeamStore Team, Model Model)> SeededAsync();

    /// <summary>A fresh, empty store for tests that write.</summary>
    protected abstract Task<IGatherStore> EmptyStoreAsync();

    private static RecordQuery Build(RecordQueryCases.Case c, PageInput? page = null)
    {
        var query = SeededRecordStore.QueryBuilder.Build(QueryJson.Filter(c.Where), QueryJson.Order(c.Order), c.Search, page ?? new PageInput(First: 100));
        Assert.True(query.Succeeded, string.Join("; ", query.Problems.Select(p => p.Message)));
        return query.Value!;
    }

    [SkippableTheory]
    [MemberData(nameof(RecordQueryCases.Names), MemberType = typeof(RecordQueryCases))]
    public async Task Query_case(string name)
    {
        var (_, team, model) = await SeededAsync();
        var c = RecordQueryCases.Cases.Single(x => x.Name == name);
        var query = Build(c);

        var page = await team.Records.QueryAsync(model.Id, query, CancellationToken.None);
        var count = await team.Records.CountAsync(model.Id, query.Where, query.SearchTerms, CancellationToken.None);

        Assert.Equal(c.Expected, page.Records.Select(r => r.Key).ToArray());
        Assert.Equal(c.Expected.Length, count);
        Assert.False(page.HasMore);
    }

    [SkippableTheory]
    [InlineData("order_mixed_types_asc", 1)]
    [InlineData("order_mixed_types_asc", 5)]
    [InlineData("order_two_keys", 3)]
    [InlineData("order_mixed_types_desc", 4)]
    [InlineData("order_strings_ordinal", 7)]
    [InlineData("filter_order_and_search", 2)]
    public async Task Paging_forward_and_backward_visits_every_record_once_in_order(string name, int size)
    {
        var (_, team, model) = await SeededAsync();
        var c = RecordQueryCases.Cases.Single(x => x.Name == name);
        var order = Build(c).Order;

        var forward = new List<string>();
        RecordCursor? cursor = null;
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages <= c.Expected.Length, "paging did not end");
            var query = Build(c, new PageInput(First: size, After: cursor?.Encode(order)));
            var page = await team.Records.QueryAsync(model.Id, query, CancellationToken.None);
            forward.AddRange(page.Records.Select(r => r.Key));
            if (!page.HasMore)
                break;
            cursor = RecordCursor.For(page.Records[^1], order);
        }

        var backward = new List<string>();
        cursor = null;
        while (true)
        {
            var query = Build(c, new PageInput(Last: size, Before: cursor?.Encode(order)));
            var page = await team.Records.QueryAsync(model.Id, query, CancellationToken.None);
            backward.InsertRange(0, page.Records.Select(r => r.Key));
            if (!page.HasMore)
                break;
            cursor = RecordCursor.For(page.Records[0], order);
        }

        Assert.Equal(c.Expected, forward);
        Assert.Equal(c.Expected, backward);
    }

    [SkippableFact]
    public async Task A_page_of_zero_says_whether_records_exist()
    {
        var (_, team, model) = await SeededAsync();
        var page = await team.Records.QueryAsync(model.Id, Build(RecordQueryCases.Cases[0] with { Where = null }, new PageInput(First: 0)),
            CancellationToken.None);

        Assert.Empty(page.Records);
        Assert.True(page.HasMore);
    }

    [SkippableFact]
    public async Task Records_of_another_team_or_model_are_invisible()
    {
        var (store, team, model) = await SeededAsync();
        var (otherTeam, _) = await SeededRecordStore.CreateTeamWithModelAsync(store);
        var everything = Build(new RecordQueryCases.Case("all", null, []));

        Assert.Empty((await otherTeam.Records.QueryAsync(model.Id, everything, CancellationToken.None)).Records);
        Assert.Empty(await otherTeam.Records.GetManyAsync(model.Id, ["a01"], CancellationToken.None));
        Assert.Equal(16, (await team.Records.QueryAsync(model.Id, everything, CancellationToken.None)).Records.Count);
    }
}
