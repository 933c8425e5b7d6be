using System.Text.Json.Nodes;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;

namespace Gather.Tests.Records;

/// <summary>A model read with its field statistics (a page that names paths does this), identical on every adapter.</summary>
public abstract partial class RecordQueryConformanceTests
{
    [SkippableFact]
    public async Task A_model_reads_with_the_same_statistics_it_has_on_their_own()
    {
        var store = await EmptyStoreAsync();
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(store);
        await SeededRecordStore.RecordService.SyncAsync(team, model.Id,
            [new RecordInput(JsonNode.Parse("""{"id":"1","status":"paid","address":{"city":"Paris"}}""")),
             new RecordInput(JsonNode.Parse("""{"id":"2","status":"open","tags":["a"]}"""))], CancellationToken.None);

        var together = await team.Models.GetWithFieldStatisticsAsync(model.Id, CancellationToken.None);
        var alone = (await team.Models.GetFieldStatisticsAsync([model.Id], CancellationToken.None))[model.Id];

        Assert.NotNull(together);
        Assert.Equivalent(await team.Models.GetAsync(model.Id, CancellationToken.None), together.Model, strict: true);
        Assert.Equal(Listed(alone), Listed(together.Statistics));
        Assert.Contains(together.Statistics, s => s is { Path: "status", Kind: ValueKind.String, Count: 2 });
    }

    [SkippableFact]
    public async Task A_model_without_records_reads_with_no_statistics_and_an_unknown_one_reads_as_nothing()
    {
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(await EmptyStoreAsync());

        var found = await team.Models.GetWithFieldStatisticsAsync(model.Id, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equivalent(model, found.Model, strict: true);
        Assert.Empty(found.Statistics);
        Assert.Null(await team.Models.GetWithFieldStatisticsAsync("model_unknown", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Another_team_s_model_and_statistics_are_never_read()
    {
        var store = await EmptyStoreAsync();
        var (owner, model) = await SeededRecordStore.CreateTeamWithModelAsync(store);
        await SeededRecordStore.RecordService.SyncAsync(owner, model.Id, [new RecordInput(JsonNode.Parse("""{"id":"1","secret":"x"}"""))],
            CancellationToken.None);
        var (other, _) = await SeededRecordStore.CreateTeamWithModelAsync(store);

        Assert.Null(await other.Models.GetWithFieldStatisticsAsync(model.Id, CancellationToken.None));
    }

    private static List<string> Listed(IEnumerable<FieldStatistic> statistics) =>
        statistics.Select(s => $"{s.Path}|{s.Kind}|{s.Count}").Order(StringComparer.Ordinal).ToList();
}
