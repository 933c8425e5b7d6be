using System.Text.Json.Nodes;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Operations;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Teams;

namespace Gather.Tests.Records;

/// <summary>
/// Writers that each own one field and write it on every key, round after round, in batches
/// that overlap with every other writer's: a lost update leaves some writer's field stale.
/// </summary>
public static class ParallelWriters
{
    public const int Keys = 20;

    public static Task WriteAsync(ITeamStore team, Model model, int writers, int rounds) =>
        Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var round = 0; round < rounds; round++)
            {
                var batch = Enumerable.Range(0, Keys)
                    .Select(k => new RecordInput(JsonNode.Parse($$"""{"id":"key{{(k + w) % Keys}}","w{{w}}":{{round}}}""")))
                    .ToList();
                var result = await SeededRecordStore.RecordService.SyncAsync(team, model.Id, batch, CancellationToken.None);
                Assert.Empty(result.Value!.Errors);
            }
        })));

    public static async Task AssertNoUpdateLostAsync(ITeamStore team, Model model, int writers, int rounds)
    {
        var all = SeededRecordStore.QueryBuilder.Build(null, null, null, new PageInput(First: 100)).Value!;
        var records = (await team.Records.QueryAsync(model.Id, all, CancellationToken.None)).Records;
        Assert.Equal(Keys, records.Count);
        Assert.Equal(Keys, records.Select(r => r.Key).Distinct().Count());
        foreach (var record in records)
            for (var w = 0; w < writers; w++)
                Assert.Equal(rounds - 1, record.Data[$"w{w}"]!.GetValue<long>());
        var catalogue = ((await team.Models.GetFieldStatisticsAsync([model.Id], CancellationToken.None)).GetValueOrDefault(model.Id) ?? [])
            .ToDictionary(s => (s.Path, s.Kind), s => s.Count);
        Assert.All(Enumerable.Range(0, writers), w => Assert.Equal(Keys, catalogue[($"w{w}", ValueKind.Int)]));
    }
}
