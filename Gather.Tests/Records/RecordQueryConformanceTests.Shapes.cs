using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Relationships;
using Gather.Infrastructure.Storage;

namespace Gather.Tests.Records;

/// <summary>
/// One rule on every adapter where values are objects or arrays, or strings hold control
/// characters: objects and arrays sort as null (one total order that keyset paging keeps),
/// paths never descend into arrays, related pages skip records whose link runs through an
/// array, control characters match literally, and lists put standard entries first before
/// their limit.
/// </summary>
public abstract partial class RecordQueryConformanceTests
{
    private static readonly string[] MixedValues =
    [
        """{"id":"r01","v":{"a":1}}""", """{"id":"r02","v":[3,1]}""", """{"id":"r03","v":["z","a"]}""", """{"id":"r04","v":5}""",
        """{"id":"r05","v":"m"}""", """{"id":"r06","v":true}""", """{"id":"r07","v":null}""", """{"id":"r08"}""",
        """{"id":"r09","v":{"a":0}}""", """{"id":"r10","v":[]}""", """{"id":"r11","v":2.5}""", """{"id":"r12","v":"b"}""",
        """{"id":"r13","v":false}""", """{"id":"r14","v":[[1]]}""", """{"id":"r15","v":-1}""", """{"id":"r16","v":{"b":{"c":1}}}""",
    ];

    // Objects, arrays, null and missing first (by id), then numbers, strings, booleans.
    private static readonly string[] MixedAscending =
        ["r01", "r02", "r03", "r07", "r08", "r09", "r10", "r14", "r16", "r15", "r11", "r04", "r12", "r05", "r13", "r06"];

    private static readonly string[] MixedDescending =
        ["r06", "r13", "r05", "r12", "r04", "r11", "r15", "r01", "r02", "r03", "r07", "r08", "r09", "r10", "r14", "r16"];

    [SkippableTheory]
    [InlineData("ASC", false)]
    [InlineData("DESC", false)]
    [InlineData("ASC", true)]
    [InlineData("DESC", true)]
    public async Task Paging_by_a_field_holding_objects_and_arrays_returns_every_record_once(string direction, bool backward)
    {
        // Values of every kind in one field: only a field declared JSON holds them.
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(await EmptyStoreAsync(), declared: [new DeclaredField("v", FieldType.Json)]);
        await SyncAsync(team, model, MixedValues);
        var order = QueryJson.Order($$"""[{"field":"v","direction":"{{direction}}"}]""");

        var seen = new List<string>();
        string? cursor = null;
        for (var pages = 0; pages < 10; pages++)
        {
            var page = backward ? new PageInput(Last: 3, Before: cursor) : new PageInput(First: 3, After: cursor);
            var query = SeededRecordStore.QueryBuilder.Build(null, order, null, page).Value!;
            var result = await team.Records.QueryAsync(model.Id, query, CancellationToken.None);
            var keys = result.Records.Select(r => r.Key);
            seen = backward ? keys.Concat(seen).ToList() : seen.Concat(keys).ToList();
            if (!result.HasMore)
                break;
            cursor = RecordCursor.For(backward ? result.Records[0] : result.Records[^1], query.Order).Encode(query.Order);
        }

        Assert.Equal(direction == "ASC" ? MixedAscending : MixedDescending, seen);
    }

    [SkippableTheory]
    [InlineData("""{"field":"items.sku","eq":"A"}""", new[] { "p2" })]
    [InlineData("""{"field":"tags.0","eq":"x"}""", new[] { "p2" })]
    [InlineData("""{"field":"items.sku","eq":null}""", new[] { "p1", "p3" })]
    [InlineData("""{"field":"items.sku","neq":"A"}""", new[] { "p1", "p3" })]
    [InlineData("""{"field":"items.sku","in":["A","B"]}""", new[] { "p2" })]
    [InlineData("""{"field":"items.sku","nin":["A"]}""", new[] { "p1", "p3" })]
    [InlineData("""{"field":"items.sku","exists":true}""", new[] { "p2" })]
    [InlineData("""{"field":"items.sku","exists":false}""", new[] { "p1", "p3" })]
    [InlineData("""{"not":{"field":"items.sku","eq":"A"}}""", new[] { "p1", "p3" })]
    [InlineData("""{"field":"items.sku","contains":"a"}""", new[] { "p2" })]
    [InlineData("""{"field":"items.sku","ncontains":"a"}""", new[] { "p1", "p3" })]
    [InlineData("""{"field":"items.qty","gt":0}""", new[] { "p2" })]
    [InlineData("""{"field":"tags","eq":"x"}""", new[] { "p1" })]
    public async Task Paths_do_not_descend_into_arrays(string where, string[] expected)
    {
        // An array in one record and an object in another: only fields declared JSON hold both.
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(await EmptyStoreAsync(),
            declared: [new DeclaredField("items", FieldType.Json), new DeclaredField("tags", FieldType.Json)]);
        await SyncAsync(team, model,
            """{"id":"p1","items":[{"sku":"A","qty":1},{"sku":"B","qty":2}],"tags":["x","y"]}""",
            """{"id":"p2","items":{"sku":"A","qty":3},"tags":{"0":"x"}}""", """{"id":"p3"}""");
        var query = SeededRecordStore.QueryBuilder.Build(QueryJson.Filter(where), null, null, new PageInput(First: 10)).Value!;

        var page = await team.Records.QueryAsync(model.Id, query, CancellationToken.None);
        var count = await team.Records.CountAsync(model.Id, query.Where, [], CancellationToken.None);

        Assert.Equal(expected, page.Records.Select(r => r.Key));
        Assert.Equal(expected.Length, count);
    }

    [SkippableFact]
    public async Task Sorting_by_a_path_through_an_array_sorts_it_as_missing()
    {
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(await EmptyStoreAsync(), declared: [new DeclaredField("items", FieldType.Json)]);
        await SyncAsync(team, model, """{"id":"p1","items":[{"sku":"A"}]}""", """{"id":"p2","items":{"sku":"B"}}""", """{"id":"p3"}""");
        var query = SeededRecordStore.QueryBuilder.Build(null, QueryJson.Order("""[{"field":"items.sku"}]"""), null, new PageInput(First: 10)).Value!;

        var page = await team.Records.QueryAsync(model.Id, query, CancellationToken.None);

        Assert.Equal(["p1", "p3", "p2"], page.Records.Select(r => r.Key));
    }

    [SkippableFact]
    public async Task Related_records_whose_link_runs_through_an_array_relate_to_nothing()
    {
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(await EmptyStoreAsync(), "Orders",
            [new DeclaredField("owner", FieldType.Json)]);
        await SyncAsync(team, model, """{"id":"o1","owner":[{"email":"ann@a.com"}]}""", """{"id":"o2","owner":{"email":"ann@a.com"}}""",
            """{"id":"o3","owner":{"email":["ann@a.com"]}}""");
        var link = new RecordLink(new FieldPath(["owner", "email"]), ["ann@a.com"]);

        var pages = await team.Records.QueryRelatedAsync(model.Id, link, Query(), CancellationToken.None);
        var ordered = await team.Records.QueryRelatedAsync(model.Id, link,
            Query(order: [new SortInput("owner.email", SortDirection.Ascending)]), CancellationToken.None);
        var counts = await team.Records.CountRelatedAsync(model.Id, link, null, [], CancellationToken.None);

        Assert.Equal(new Dictionary<string, string[]> { ["ann@a.com"] = ["o2"] }, Keys(pages));
        Assert.Equal(new Dictionary<string, string[]> { ["ann@a.com"] = ["o2"] }, Keys(ordered));
        Assert.Equal(new Dictionary<string, long> { ["ann@a.com"] = 1 }, counts);
    }

    [SkippableTheory]
    [InlineData("""{"field":"note","contains":"\u0000"}""", null, new[] { "n1" })]
    [InlineData("""{"field":"note","startsWith":"a\u0000"}""", null, new[] { "n1" })]
    [InlineData("""{"field":"note","endsWith":"\u0001"}""", null, new[] { "n2" })]
    [InlineData("""{"field":"note","contains":"\n"}""", null, new[] { "n2" })]
    [InlineData("""{"field":"note","ncontains":"\u0000"}""", null, new[] { "n2", "n3" })]
    [InlineData("""{"field":"note","eq":"a\u0000b"}""", null, new[] { "n1" })]
    [InlineData(null, "a\u0000b", new[] { "n1" })]
    [InlineData(null, "\u0001", new[] { "n2" })]
    [InlineData(null, "\u0000", new[] { "n1" })]
    [InlineData(null, "\u001f", new string[0])]
    public async Task Control_characters_in_search_and_string_operators_match_literally(string? where, string? search, string[] expected)
    {
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(await EmptyStoreAsync());
        await SyncAsync(team, model, """{"id":"n1","note":"a\u0000b"}""", """{"id":"n2","note":"line1\nline2\u0001"}""",
            """{"id":"n3","note":"plain"}""");
        var query = SeededRecordStore.QueryBuilder.Build(QueryJson.Filter(where), null, search, new PageInput(First: 10)).Value!;

        var page = await team.Records.QueryAsync(model.Id, query, CancellationToken.None);
        var count = await team.Records.CountAsync(model.Id, query.Where, query.SearchTerms, CancellationToken.None);

        Assert.Equal(expected, page.Records.Select(r => r.Key));
        Assert.Equal(expected.Length, count);
    }

    [SkippableFact]
    public async Task Lists_put_standard_models_and_relationships_first_then_apply_the_limit()
    {
        var (team, custom) = await SeededRecordStore.CreateTeamWithModelAsync(await EmptyStoreAsync(), "Aardvarks");
        var now = SeededRecordStore.T0;
        var standard = new[] { "Account", "Customer" }.Select(name => custom with
        {
            Id = Gather.Infrastructure.Storage.DocumentIds.New("model"), Name = name, Kind = ModelKind.Standard,
        }).ToList();
        foreach (var model in standard)
            await team.Models.InsertAsync(model, CancellationToken.None);
        await team.Models.InsertAsync(custom with { Id = DocumentIds.New("model"), Name = "Abacus" }, CancellationToken.None);
        var builtIn = new Relationship(DocumentIds.New("rel"), team.TeamId, "zAccount", "zCustomers", standard[1].Id, "account",
            standard[0].Id, "name", RelationshipKind.Standard, now);
        var early = builtIn with { Id = DocumentIds.New("rel"), Name = "aParent", InverseName = "aChildren", FromModelId = custom.Id,
            FromField = "parent", ToModelId = custom.Id, ToField = "id", Kind = RelationshipKind.Custom };
        await team.Relationships.InsertAsync(builtIn, CancellationToken.None);
        await team.Relationships.InsertAsync(early, CancellationToken.None);

        var models = await team.Models.ListAsync(2, CancellationToken.None);
        var allModels = await team.Models.ListAsync(10, CancellationToken.None);
        var relationships = await team.Relationships.ListAsync(1, CancellationToken.None);

        Assert.Equal(["Account", "Customer"], models.Select(m => m.Name));
        Assert.Equal(["Account", "Customer", "Aardvarks", "Abacus"], allModels.Select(m => m.Name));
        Assert.Equal(["zAccount"], relationships.Select(r => r.Name));
    }
}
