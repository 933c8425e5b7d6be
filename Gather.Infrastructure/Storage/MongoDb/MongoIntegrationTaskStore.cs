using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.IntegrationTasks;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// One team's integration tasks in the <c>integrationTasks</c> collection:
/// <c>{_id, teamId, integrationId, kind, options, state, leaseOwner, leaseUntil, createdAt}</c>
/// (options and state in <see cref="IntegrationTaskJson"/>'s shape). A lease is one conditional update.
/// </summary>
internal sealed class MongoIntegrationTaskStore(MongoCollections collections, string teamId)
    : MongoDocuments<IntegrationTask, BsonDocument>(collections.IntegrationTasks, teamId, Mapping), IIntegrationTaskStore
{
    public const string Collection = "integrationTasks";

    public static IEnumerable<CreateIndexModel<BsonDocument>> Indexes =>
    [
        new(new BsonDocument { { "teamId", 1 }, { "createdAt", 1 } }, new CreateIndexOptions { Name = "teamId_createdAt" }),
        new(new BsonDocument { { "integrationId", 1 } }, new CreateIndexOptions { Name = "integrationId" }),
    ];

    /// <summary>Oldest first; a task is inserted with no lease.</summary>
    public static readonly MongoDocumentKind<IntegrationTask, BsonDocument> Mapping = new("integration task", t => t.TeamId,
        t => new BsonDocument
        {
            { "_id", t.Id }, { "teamId", t.TeamId }, { "integrationId", t.IntegrationId }, { "kind", t.Kind.ToString() },
            { "options", Bson(t.Options) }, { "state", Bson(t.State) },
            { "leaseOwner", BsonNull.Value }, { "leaseUntil", BsonNull.Value }, { "createdAt", t.CreatedAt.UtcDateTime },
        },
        d => new IntegrationTask(d["_id"].AsString, d["teamId"].AsString, d["integrationId"].AsString, new IntegrationTaskKind(d["kind"].AsString),
            Read<IntegrationTaskOptions>(d["options"]), Read<IntegrationTaskState>(d["state"]), new DateTimeOffset(d["createdAt"].ToUniversalTime())),
        new BsonDocument { { "createdAt", 1 }, { "_id", 1 } }, t => $"Integration task '{t.Id}' already exists.");

    public Task<bool> TryLeaseAsync(string id, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        SetWhereAsync(Leasable(TeamId, id, owner, now), new() { { "leaseOwner", owner }, { "leaseUntil", until.UtcDateTime } }, cancellationToken);

    /// <summary>The task, if no other owner's lease on it is live at <paramref name="now"/>: what claiming it matches.</summary>
    public static BsonDocument Leasable(string teamId, string id, string owner, DateTimeOffset now) => new(ById(teamId, id))
    {
        { "$or", new BsonArray { new BsonDocument("leaseOwner", BsonNull.Value), new BsonDocument("leaseOwner", owner),
            new BsonDocument("leaseUntil", new BsonDocument("$lte", now.UtcDateTime)) } },
    };

    /// <summary>The task, if no lease on it is live at <paramref name="now"/>: what saving an idle task's state matches.</summary>
    public static BsonDocument Idle(string teamId, string id, DateTimeOffset now) => new(ById(teamId, id))
    {
        { "$or", new BsonArray { new BsonDocument("leaseOwner", BsonNull.Value), new BsonDocument("leaseUntil", new BsonDocument("$lte", now.UtcDateTime)) } },
    };

    public Task<bool> SaveStateAsync(string id, string owner, IntegrationTaskState state, DateTimeOffset leaseUntil,
        CancellationToken cancellationToken) =>
        SetWhereAsync(HeldBy(id, owner), new() { { "state", Bson(state) }, { "leaseUntil", leaseUntil.UtcDateTime } }, cancellationToken);

    public Task<bool> SaveIdleStateAsync(string id, IntegrationTaskState state, DateTimeOffset now, CancellationToken cancellationToken) =>
        SetWhereAsync(Idle(TeamId, id, now), new() { { "state", Bson(state) } }, cancellationToken);

    public Task ReleaseAsync(string id, string owner, CancellationToken cancellationToken) =>
        SetWhereAsync(HeldBy(id, owner), new() { { "leaseOwner", BsonNull.Value }, { "leaseUntil", BsonNull.Value } }, cancellationToken);

    /// <summary>Sets <paramref name="fields"/> on the task <paramref name="filter"/> names, if it matches; true when it did. One atomic write.</summary>
    private async Task<bool> SetWhereAsync(BsonDocument filter, BsonDocument fields, CancellationToken cancellationToken) =>
        (await collections.IntegrationTasks.UpdateOneAsync(filter, new BsonDocument("$set", fields), cancellationToken: cancellationToken))
        .MatchedCount > 0;

    private BsonDocument HeldBy(string id, string owner) => new(ById(TeamId, id)) { { "leaseOwner", owner } };

    private static BsonDocument ById(string teamId, string id) => new() { { "_id", id }, { "teamId", teamId } };

    /// <summary>Options and state are kept in <see cref="IntegrationTaskJson"/>'s shape, as BSON so they can be read in the shell.</summary>
    private static BsonDocument Bson<TValue>(TValue value) =>
        MongoJson.ToBson(System.Text.Json.Nodes.JsonNode.Parse(IntegrationTaskJson.Write(value))!.AsObject());

    private static TValue Read<TValue>(BsonValue stored) => IntegrationTaskJson.Read<TValue>(MongoJson.ToJson(stored.AsBsonDocument).ToJsonString());
}
