using System.Text.Json.Nodes;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Operations;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Teams;

namespace Gather.Tests.Records;

/// <summary>Sync, delete, catalogue and concurrency behaviour every adapter must share; each test writes to a store of its own.</summary>
public abstract partial class RecordQueryConformanceTests
{
    private static List<RecordInput> Inputs(params string[] json) => json.Select(j => new RecordInput(JsonNode.Parse(j))).ToList();

    private static async Task<SyncResult> SyncAsync(ITeamStore team, Model model, params string[] json) =>
        (await SeededRecordStore.RecordService.SyncAsync(team, model.Id, Inputs(json), CancellationToken.None)).Value!;

    private static async Task<Dictionary<(string, ValueKind), long>> CatalogueAsync(ITeamStore team, Model model) =>
        ((await team.Models.GetFieldStatisticsAsync([model.Id], CancellationToken.None)).GetValueOrDefault(model.Id) ?? [])
        .ToDictionary(s => (s.Path, s.Kind), s => s.Count);

    [SkippableFact]
    public async Task Sync_creates_updates_by_merging_and_reports_unchanged()
    {
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(await EmptyStoreAsync());

        var first = await SyncAsync(team, model, """{"id":"1","amount":75,"status":"paid"}""");
        var same = await SyncAsync(team, model, """{"id":"1","amount":75}""");
        var changed = await SyncAsync(team, model, """{"id":"1","status":null,"city":"Berlin"}""");

        Assert.Equal(RecordSyncStatus.Created, first.Outcomes.Single().Status);
        Assert.Equal(RecordSyncStatus.Unchanged, same.Outcomes.Single().Status);
        Assert.Equal(RecordSyncStatus.Updated, changed.Outcomes.Single().Status);
        var stored = (await team.Records.GetManyAsync(model.Id, ["1"], CancellationToken.None)).Single();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"id":"1","amount":75,"city":"Berlin"}"""), stored.Data), stored.Data.ToJsonString());
        Assert.Equal(2, stored.Version);
        Assert.True(stored.UpdatedAt >= stored.CreatedAt);
    }

    [SkippableFact]
    public async Task A_key_twice_in_one_batch_is_created_then_updated()
    {
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(await EmptyStoreAsync());

        var result = await SyncAsync(team, model, """{"id":"1","a":1}""", """{"id":"1","b":2}""");

        Assert.Equal([RecordSyncStatus.Created, RecordSyncStatus.Updated], result.Outcomes.Select(o => o.Status));
        var stored = (await team.Records.GetManyAsync(model.Id, ["1"], CancellationToken.None)).Single();
        Assert.Equal("""{"id":"1","a":1,"b":2}""", stored.Data.ToJsonString());
    }

    [SkippableFact]
    public async Task The_field_catalogue_counts_records_per_path_and_kind_through_updates_and_deletes()
    {
        // amount takes values of several kinds, which only a field declared JSON accepts.
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(await EmptyStoreAsync(), declared: [new DeclaredField("amount", FieldType.Json)]);

        await SyncAsync(team, model, """{"id":"1","amount":5,"address":{"city":"Paris"}}""", """{"id":"2","amount":"n/a"}""",
            """{"id":"3","amount":7.5}""");
        await SyncAsync(team, model, """{"id":"2","amount":9}""");
        await team.Records.DeleteAsync(model.Id, ["3", "404"], CancellationToken.None);

        var catalogue = await CatalogueAsync(team, model);
        Assert.Equal(2, catalogue[("id", ValueKind.String)]);
        Assert.Equal(2, catalogue[("amount", ValueKind.Int)]);
        Assert.Equal(1, catalogue[("address", ValueKind.Object)]);
        Assert.Equal(1, catalogue[("address.city", ValueKind.String)]);
        Assert.False(catalogue.ContainsKey(("amount", ValueKind.String)));
        Assert.False(catalogue.ContainsKey(("amount", ValueKind.Float)));
    }

    [SkippableFact]
    public async Task Delete_returns_the_keys_that_existed_and_leaves_the_rest()
    {
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(await EmptyStoreAsync());
        await SyncAsync(team, model, """{"id":"1"}""", """{"id":"2"}""");

        var deleted = await team.Records.DeleteAsync(model.Id, ["1", "9"], CancellationToken.None);

        Assert.Equal(["1"], deleted);
        Assert.Equal(["2"], (await team.Records.GetManyAsync(model.Id, ["1", "2"], CancellationToken.None)).Select(r => r.Key));
    }

    [SkippableFact]
    public async Task Deleting_a_model_deletes_its_records_and_catalogue()
    {
        var store = await EmptyStoreAsync();
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(store);
        await SyncAsync(team, model, """{"id":"1","a":1}""", """{"id":"2","a":2}""");

        Assert.Equal(2, await team.Models.DeleteAsync(model.Id, CancellationToken.None));

        Assert.Null(await team.Models.GetAsync(model.Id, CancellationToken.None));
        Assert.Equal(0, await team.Records.CountAsync(model.Id, null, [], CancellationToken.None));
        Assert.Empty(await CatalogueAsync(team, model));
        Assert.Null(await team.Models.DeleteAsync(model.Id, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Model_names_are_unique_per_team_ignoring_case_but_not_across_teams()
    {
        var store = await EmptyStoreAsync();
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders");
        var (otherTeam, _) = await SeededRecordStore.CreateTeamWithModelAsync(store, "Orders");

        await Assert.ThrowsAsync<DuplicateDocumentException>(() => team.Models.InsertAsync(
            model with { Id = DocumentIds.New("model"), Name = "ORDERS" }, CancellationToken.None));
        Assert.Null(await otherTeam.Models.GetAsync(model.Id, CancellationToken.None));
        Assert.Null(await otherTeam.Models.UpdateAsync(model with { TeamId = otherTeam.TeamId, Name = "Hijacked" }, CancellationToken.None));
        Assert.Null(await otherTeam.Models.DeleteAsync(model.Id, CancellationToken.None));
        Assert.Equal("Orders", (await team.Models.GetAsync(model.Id, CancellationToken.None))!.Name);
    }

    [SkippableFact]
    public async Task Cursors_stay_stable_while_records_are_inserted()
    {
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(await EmptyStoreAsync());
        await SyncAsync(team, model, Enumerable.Range(0, 10).Select(i => $$"""{"id":"k{{i * 10:000}}","n":{{i * 10}}}""").ToArray());
        var order = QueryJson.Order("""[{"field":"n"}]""")!;
        var first = SeededRecordStore.QueryBuilder.Build(null, order, null, new PageInput(First: 3)).Value!;
        var page1 = await team.Records.QueryAsync(model.Id, first, CancellationToken.None);

        // Records sorting before and after the cursor arrive between the two page reads.
        await SyncAsync(team, model, """{"id":"k005","n":5}""", """{"id":"k035","n":35}""");
        var cursor = RecordCursor.For(page1.Records[^1], first.Order).Encode(first.Order);
        var next = SeededRecordStore.QueryBuilder.Build(null, order, null, new PageInput(First: 3, After: cursor)).Value!;
        var page2 = await team.Records.QueryAsync(model.Id, next, CancellationToken.None);

        Assert.Equal(["k000", "k010", "k020"], page1.Records.Select(r => r.Key));
        Assert.Equal(["k030", "k035", "k040"], page2.Records.Select(r => r.Key));
    }

    [SkippableFact]
    public async Task Eight_parallel_writers_on_overlapping_keys_lose_no_update_and_duplicate_no_record()
    {
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(await EmptyStoreAsync());

        await ParallelWriters.WriteAsync(team, model, writers: 8, rounds: 12);

        await ParallelWriters.AssertNoUpdateLostAsync(team, model, writers: 8, rounds: 12);
    }
}
