using Gather.Infrastructure.Models;
using System.Text.Json.Nodes;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Operations;
using Gather.Infrastructure.Storage.MongoDb;
using Microsoft.Extensions.Options;

namespace Gather.Tests.Records;

/// <summary>
/// With <c>Gather:Sync:MaxRecordBytes</c> raised, a record can pass the sync's own limit and still
/// outgrow MongoDB's 16 MB document (its data plus its search text): it is reported as refused,
/// naming the rule, and the rest of the batch is written.
/// </summary>
public sealed class MongoDocumentLimitTests(MongoSeededStore fixture) : IClassFixture<MongoSeededStore>
{
    [SkippableFact]
    public async Task A_record_over_the_document_limit_is_refused_clearly_and_the_rest_is_written()
    {
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(await fixture.CreateAsync());
        var options = Options.Create(new SyncOptions { MaxRecordBytes = 16 * 1024 * 1024 });
        var service = new RecordService(new RecordNormalizer(options), options, Options.Create(new ModelOptions()), TimeProvider.System, []);
        var text = new string('a', 9 * 1024 * 1024);

        var result = (await service.SyncAsync(team, model.Id,
            [new RecordInput(new JsonObject { ["id"] = "small" }), new RecordInput(new JsonObject { ["id"] = "big", ["text"] = text })],
            CancellationToken.None)).Value!;

        var problem = Assert.Single(result.Errors);
        Assert.Equal(1, problem.Index);
        Assert.Equal("maxDocumentSize", problem.Rule);
        Assert.Contains($"at most {MongoRecordStore.MaxDocumentBytes}", problem.Message);
        Assert.Equal(["small"], (await team.Records.GetManyAsync(model.Id, ["small", "big"], CancellationToken.None)).Select(r => r.Key));
        Assert.Equal(RecordSyncStatus.Created, Assert.Single(result.Outcomes).Status);
    }
}
