using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Teams;

namespace Gather.Tests.Records;

/// <summary>
/// Search answers as a plain substring test over the folded text on every adapter, whatever
/// index narrows the candidates: for terms of any length, quotes, NUL, non-BMP characters and
/// Unicode folding; after updates and deletes; and only within its own team and model.
/// </summary>
public abstract partial class RecordQueryConformanceTests
{
    private static readonly string[] SearchTexts =
    [
        """{"id":"s1","title":"ÉCOLE Zürich","tags":["say \"hi\" there"]}""",
        """{"id":"s2","title":"ab\u0000cdef","note":"x😀yz"}""",
        """{"id":"s3","title":"Straße","note":"invoice-42"}""",
        """{"id":"s4","title":"line1\nline2","note":"ΣΊΣΥΦΟΣ"}""",
        """{"id":"s5","title":"hello","note":"world"}""",
    ];

    [SkippableTheory]
    [InlineData("école", new[] { "s1" })]
    [InlineData("ZÜR", new[] { "s1" })]
    [InlineData("\"hi\"", new[] { "s1" })]
    [InlineData("hi\"", new[] { "s1" })]
    [InlineData("b\u0000cde", new[] { "s2" })]
    [InlineData("\u0000cd", new[] { "s2" })]
    [InlineData("b\u0000c", new[] { "s2" })]
    [InlineData("😀yz", new[] { "s2" })]
    [InlineData("x😀", new[] { "s2" })]
    [InlineData("😀", new[] { "s2" })]
    [InlineData("straße", new[] { "s3" })]
    [InlineData("strasse", new string[0])]
    [InlineData("e-4", new[] { "s3" })]
    [InlineData("ίσυφ", new[] { "s4" })]
    [InlineData("ΣΊΣΥΦΟΣ", new[] { "s4" })]
    [InlineData("1line", new string[0])]
    [InlineData("e1", new[] { "s4" })]
    [InlineData("lo", new[] { "s5" })]
    [InlineData("hello world", new[] { "s5" })]
    [InlineData("hello zürich", new string[0])]
    [InlineData("o", new[] { "s1", "s3", "s5" })]
    [InlineData("oworld", new string[0])]
    public async Task Search_finds_exactly_what_a_substring_test_of_the_folded_text_finds(string search, string[] expected)
    {
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(await EmptyStoreAsync(),
            declared: [new DeclaredField("tags", FieldType.Json)]);
        await SyncAsync(team, model, SearchTexts);

        Assert.Equal(expected, await SearchAsync(team, model, search));
    }

    [SkippableFact]
    public async Task Search_follows_updates_and_deletes()
    {
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(await EmptyStoreAsync());
        await SyncAsync(team, model, """{"id":"1","status":"pending refund"}""", """{"id":"2","status":"pending"}""");

        var before = await SearchAsync(team, model, "refund");
        await SyncAsync(team, model, """{"id":"1","status":"settled"}""");
        var afterUpdate = (Refund: await SearchAsync(team, model, "refund"), Settled: await SearchAsync(team, model, "settled"));
        await team.Records.DeleteAsync(model.Id, ["2"], CancellationToken.None);
        var afterDelete = await SearchAsync(team, model, "pending");

        Assert.Equal(["1"], before);
        Assert.Empty(afterUpdate.Refund);
        Assert.Equal(["1"], afterUpdate.Settled);
        Assert.Empty(afterDelete);
    }

    [SkippableFact]
    public async Task Search_stays_within_its_team_and_model()
    {
        var store = await EmptyStoreAsync();
        var (team, orders) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders");
        var invoices = orders with { Id = DocumentIds.New("model"), Name = "Invoices" };
        await team.Models.InsertAsync(invoices, CancellationToken.None);
        var (otherTeam, otherOrders) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders");
        await SyncAsync(team, orders, """{"id":"o1","note":"common term"}""", """{"id":"o2","note":"rare"}""");
        await SyncAsync(team, invoices, """{"id":"i1","note":"common term"}""");
        await SyncAsync(otherTeam, otherOrders, Enumerable.Range(0, 20).Select(i => $$"""{"id":"x{{i}}","note":"common term"}""").ToArray());

        Assert.Equal(["o1"], await SearchAsync(team, orders, "common"));
        Assert.Equal(["i1"], await SearchAsync(team, invoices, "common"));
        Assert.Equal(20, (await SearchAsync(otherTeam, otherOrders, "common")).Length);
        Assert.Empty(await SearchAsync(otherTeam, otherOrders, "rare"));
    }

    /// <summary>Brings a search index that catches up after writes (SQLite's) up to date; nothing where writes index at once.</summary>
    protected virtual Task CatchUpSearchIndexAsync() => Task.CompletedTask;

    /// <summary>
    /// The keys a search finds, checked against its count, and found alike before and after the
    /// search index has caught up with the writes.
    /// </summary>
    private async Task<string[]> SearchAsync(ITeamStore team, Model model, string search)
    {
        var query = SeededRecordStore.QueryBuilder.Build(null, null, search, new PageInput(First: 100)).Value!;
        async Task<string[]> KeysAsync()
        {
            var page = await team.Records.QueryAsync(model.Id, query, CancellationToken.None);
            var count = await team.Records.CountAsync(model.Id, query.Where, query.SearchTerms, CancellationToken.None);
            var keys = page.Records.Select(r => r.Key).ToArray();
            Assert.Equal(keys.Length, count);
            return keys;
        }
        var beforeCatchUp = await KeysAsync();
        await CatchUpSearchIndexAsync();
        Assert.Equal(beforeCatchUp, await KeysAsync());
        return beforeCatchUp;
    }
}
