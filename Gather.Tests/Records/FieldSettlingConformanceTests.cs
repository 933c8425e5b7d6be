using System.Text.Json.Nodes;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Operations;

namespace Gather.Tests.Records;

/// <summary>Settled field kinds (the type rule), identical on every adapter.</summary>
public abstract partial class RecordQueryConformanceTests
{
    [SkippableFact]
    public async Task Settling_keeps_the_first_kind_widens_int_to_float_and_keeps_the_order_paths_came_in()
    {
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(await EmptyStoreAsync());

        var first = await team.Models.SettleFieldsAsync(model.Id, [new("amount", ValueKind.Int), new("status", ValueKind.String)], CancellationToken.None);
        var second = await team.Models.SettleFieldsAsync(model.Id,
            [new("status", ValueKind.Int), new("amount", ValueKind.Float), new("paid", ValueKind.Boolean)], CancellationToken.None);
        var narrowed = await team.Models.SettleFieldsAsync(model.Id, [new("amount", ValueKind.Int)], CancellationToken.None);
        var missing = await team.Models.SettleFieldsAsync("model_404", [new("amount", ValueKind.Int)], CancellationToken.None);

        Assert.Equal([new("amount", ValueKind.Int), new("status", ValueKind.String)], first!.SettledFields);
        SettledField[] expected = [new("amount", ValueKind.Float), new("status", ValueKind.String), new("paid", ValueKind.Boolean)];
        Assert.Equal(expected, second!.SettledFields);
        Assert.Equal(expected, narrowed!.SettledFields);
        Assert.Equal(expected, (await team.Models.GetAsync(model.Id, CancellationToken.None))!.SettledFields);
        Assert.Null(missing);
    }

    [SkippableFact]
    public async Task Renaming_or_declaring_keeps_the_settled_kinds()
    {
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(await EmptyStoreAsync());
        await team.Models.SettleFieldsAsync(model.Id, [new("amount", ValueKind.Int)], CancellationToken.None);

        var stored = (await team.Models.GetAsync(model.Id, CancellationToken.None))!;
        await team.Models.UpdateAsync(stored with { Name = "Renamed", DeclaredFields = [new DeclaredField("note", FieldType.Json)] }, CancellationToken.None);

        Assert.Equal([new SettledField("amount", ValueKind.Int)], (await team.Models.GetAsync(model.Id, CancellationToken.None))!.SettledFields);
    }

    [SkippableFact]
    public async Task Racing_first_syncs_of_a_field_settle_one_kind_and_refuse_the_other()
    {
        var (team, model) = await SeededRecordStore.CreateTeamWithModelAsync(await EmptyStoreAsync());
        const int fields = 8;

        for (var i = 0; i < fields; i++)
        {
            var number = SeededRecordStore.RecordService.SyncAsync(team, model.Id, [new RecordInput(JsonNode.Parse($$"""{"id":"n{{i}}","f{{i}}":1}"""))], CancellationToken.None);
            var text = SeededRecordStore.RecordService.SyncAsync(team, model.Id, [new RecordInput(JsonNode.Parse($$"""{"id":"t{{i}}","f{{i}}":"x"}"""))], CancellationToken.None);
            var results = await Task.WhenAll(number, text);

            // One sync settled the field; the other's record was refused with the type rule.
            Assert.Equal(1, results.Sum(r => r.Value!.Created));
            var refused = Assert.Single(results.SelectMany(r => r.Value!.Errors));
            Assert.Equal(($"f{i}", "type"), (refused.Field, refused.Rule));
        }
        var settled = (await team.Models.GetAsync(model.Id, CancellationToken.None))!;
        var stored = await team.Records.QueryAsync(model.Id, SeededRecordStore.QueryBuilder.Build(null, null, null, new(First: 50)).Value!, CancellationToken.None);
        for (var i = 0; i < fields; i++)
        {
            var kind = settled.SettledKind($"f{i}");
            Assert.NotNull(kind);
            Assert.All(stored.Records.Where(r => r.Data.ContainsKey($"f{i}")), r => Assert.Equal(kind, FieldSettling.KindOf(r.Data[$"f{i}"])));
        }
    }
}
