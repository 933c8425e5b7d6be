using Gather.Infrastructure.IntegrationTasks;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// One team's integration tasks in the <c>integrationTasks</c> collection:
/// <c>{_id, teamId, integrationId, kind, options, state, leaseOwner, leaseUntil, createdAt}</c>
/// (options and state in <see cref="IntegrationTaskJson"/>'s shape). A lease is one conditional update.
/// </summary>
internal sealed class MongoIntegrationTaskStore(MongoCollections collections, string teamId) : IIntegrationTaskStore
{
    public const string Collection = "integrationTasks";

    public static IEnumerable<CreateIndexModel<BsonDocument>> Indexes =>
    [
        new(new BsonDocument { { "teamId", 1 }, { "createdAt", 1 } }, new CreateIndexOptions { Name = "teamId_createdAt" }),
        new(new BsonDocument { { "integrationId", 1 } }, new CreateIndexOptions { Name = "integrationId" }),
    ];

    public Task InsertAsync(IntegrationTask task, CancellationToken cancellationToken)
    {
        TeamScope.EnsureOwned(teamId, task.TeamId, "integration task");
        return MongoWrites.InsertAsync(collections.IntegrationTasks, new BsonDocument
        {
            { "_id", task.Id }, { "teamId", teamId }, { "integrationId", task.IntegrationId }, { "kind", task.Kind.ToString() },
            { "options", Bson(IntegrationTaskJson.Write(task.Options)) },
            { "state", Bson(IntegrationTaskJson.Write(task.State)) },
            { "leaseOwner", BsonNull.Value }, { "leaseUntil", BsonNull.Value }, { "createdAt", task.CreatedAt.UtcDateTime },
        }, $"Integration task '{task.Id}'", cancellationToken);
    }

    public async Task<IReadOnlyList<IntegrationTask>> ListAsync(CancellationToken cancellationToken) =>
        (await collections.IntegrationTasks.Find(new BsonDocument("teamId", teamId)).Sort(new BsonDocument { { "createdAt", 1 }, { "_id", 1 } })
            .ToListAsync(cancellationToken)).Select(Read).ToList();

    public async Task<IntegrationTask?> GetAsync(string id, CancellationToken cancellationToken) =>
        await collections.IntegrationTasks.Find(ById(id)).FirstOrDefaultAsync(cancellationToken) is { } document ? Read(document) : null;

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        (await collections.IntegrationTasks.DeleteOneAsync(ById(id), cancellationToken)).DeletedCount > 0;

    public async Task<bool> TryLeaseAsync(string id, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        (await collections.IntegrationTasks.UpdateOneAsync(Leasable(teamId, id, owner, now),
            new BsonDocument("$set", new BsonDocument { { "leaseOwner", owner }, { "leaseUntil", until.UtcDateTime } }),
            cancellationToken: cancellationToken)).MatchedCount > 0;

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

    public async Task<bool> SaveStateAsync(string id, string owner, IntegrationTaskState state, DateTimeOffset leaseUntil,
        CancellationToken cancellationToken)
    {
        var update = new BsonDocument("$set", new BsonDocument
        {
            { "state", Bson(IntegrationTaskJson.Write(state)) }, { "leaseUntil", leaseUntil.UtcDateTime },
        });
        return (await collections.IntegrationTasks.UpdateOneAsync(new BsonDocument(ById(id)) { { "leaseOwner", owner } }, update,
            cancellationToken: cancellationToken)).MatchedCount > 0;
    }

    public async Task<bool> SaveIdleStateAsync(string id, IntegrationTaskState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var filter = Idle(teamId, id, now);
        var update = new BsonDocument("$set", new BsonDocument("state", Bson(IntegrationTaskJson.Write(state))));
        return (await collections.IntegrationTasks.UpdateOneAsync(filter, update, cancellationToken: cancellationToken)).MatchedCount > 0;
    }

    public Task ReleaseAsync(string id, string owner, CancellationToken cancellationToken) =>
        collections.IntegrationTasks.UpdateOneAsync(new BsonDocument(ById(id)) { { "leaseOwner", owner } },
            new BsonDocument("$set", new BsonDocument { { "leaseOwner", BsonNull.Value }, { "leaseUntil", BsonNull.Value } }),
            cancellationToken: cancellationToken);

    private static BsonDocument Bson(string json) => MongoJson.ToBson(System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject());

    private BsonDocument ById(string id) => ById(teamId, id);

    private static BsonDocument ById(string teamId, string id) => new() { { "_id", id }, { "teamId", teamId } };

    internal static IntegrationTask Read(BsonDocument d) => new(d["_id"].AsString, d["teamId"].AsString, d["integrationId"].AsString,
        Enum.Parse<IntegrationTaskKind>(d["kind"].AsString), IntegrationTaskJson.Read<IntegrationTaskOptions>(MongoJson.ToJson(d["options"].AsBsonDocument).ToJsonString()),
        IntegrationTaskJson.Read<IntegrationTaskState>(MongoJson.ToJson(d["state"].AsBsonDocument).ToJsonString()), new DateTimeOffset(d["createdAt"].ToUniversalTime()));
}
