using System.Text.Json.Nodes;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Operations;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Security;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Teams;
using Microsoft.Extensions.Options;

namespace Gather.Tests.Records;

/// <summary>Seeds a fresh store with <see cref="RecordQueryCases.Seed"/> in one custom model, through the real sync path.</summary>
public static class SeededRecordStore
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    public static RecordQueryBuilder QueryBuilder { get; } = new(Options.Create(new QueryOptions()), Options.Create(new SyncOptions()));

    public static RecordService RecordService { get; } = new(new RecordNormalizer(Options.Create(new SyncOptions())),
        Options.Create(new SyncOptions()), Options.Create(new ModelOptions()), TimeProvider.System, []);

    /// <summary>A new team with an <c>Items</c> model (ID field <c>id</c>); returns its store and the model.</summary>
    public static async Task<(ITeamStore Team, Model Model)> CreateTeamWithModelAsync(IGatherStore store, string name = "Items",
        IReadOnlyList<DeclaredField>? declared = null)
    {
        var team = new Team(DocumentIds.New("team"), "Conformance", T0);
        var secret = ApiKeySecret.Generate();
        await store.CreateTeamAsync(team, new ApiKey(DocumentIds.New("key"), team.Id, "k", ApiKeySecret.Hash(secret),
            ApiKeySecret.Preview(secret), [ApiKeyScope.Admin], T0), CancellationToken.None);
        var teamStore = store.ForTeam(team.Id);
        var model = new Model(DocumentIds.New("model"), team.Id, name, ModelKind.Custom, "id", declared ?? [], T0, T0);
        await teamStore.Models.InsertAsync(model, CancellationToken.None);
        return (teamStore, model);
    }

    public static async Task<(ITeamStore Team, Model Model)> SeedAsync(IGatherStore store)
    {
        // The cases compare values of every kind in one field, which only a field declared JSON holds.
        var (team, model) = await CreateTeamWithModelAsync(store, declared: [new DeclaredField("amount", FieldType.Json)]);
        var records = JsonNode.Parse(RecordQueryCases.Seed)!.AsArray().Select(r => new RecordInput(r!.DeepClone())).ToList();
        var result = await RecordService.SyncAsync(team, model.Id, records, CancellationToken.None);
        Assert.Empty(result.Value!.Errors);
        Assert.Equal(RecordQueryCases.All.Length, result.Value.Created);
        return (team, model);
    }
}
