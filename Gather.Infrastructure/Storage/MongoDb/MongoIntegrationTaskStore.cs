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
internal sealed class MongoIntegrationTaskStore(MongoCollections collections, string teamId) : IIntegrationTaskStore
{
    public const string Collection = "integrationTasks";

    public static IEnumerable<CreateIndexModel<BsonDocument>> Indexes =>
    [
        new(new BsonDocument { { "teamId", 1 }, { "createdAt", 1 } }, new CreateIndexOptions { Name = "teamId_createdAt" }),
        new(new BsonDocument { { "integrationId", 1 } }, new CreateIndexOptions { Name = "integrationId" }),
    ];

    /// <summary>Oldest first; a task is inserted with no lease.</summary>
    public static readonly MongoDocumentKind<IntegrationTask, BsonDocument> Mapping = new("integration task", t => t.TeamId, t => t.Id,
        t => new BsonDocument
        {
            { "_id", t.Id }, { "teamId", t.TeamId }, { "integrationId", t.IntegrationId }, { "kind", t.Kind.ToString() },
            { "options", Bson(IntegrationTaskJson.Write(t.Options)) }, { "state", Bson(IntegrationTaskJson.Write(t.State)) },
            { "leaseOwner", BsonNull.Value }, { "leaseUntil", BsonNull.Value }, { "createdAt", t.CreatedAt.UtcDateTime },
        },
        Read, new BsonDocument { { "createdAt", 1 }, { "_id", 1 } }, t => $"Integration task '{t.Id}' already exists.");

    private readonly MongoDocuments<IntegrationTask, BsonDocument> _tasks = new(collections.IntegrationTasks, teamId, Mapping);

    public Task InsertAsync(IntegrationTask task, CancellationToken cancellationToken) => _tasks.InsertAsync(task, cancellationToken);

    public Task<IReadOnlyList<IntegrationTask>> ListAsync(CancellationToken cancellationToken) => _tasks.ListAllAsync(cancellationToken);

    public Task<IntegrationTask?> GetAsync(string id, CancellationToken cancellationToken) => _tasks.GetAsync(id, cancellationToken);

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => _tasks.DeleteAsync(id, cancellationToken);

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

    private static IntegrationTask Read(BsonDocument d) => new(d["_id"].AsString, d["teamId"].AsString, d["integrationId"].AsString,
        new IntegrationTaskKind(d["kind"].AsString), IntegrationTaskJson.Read<IntegrationTaskOptions>(MongoJson.ToJson(d["options"].AsBsonDocument).ToJsonString()),
        IntegrationTaskJson.Read<IntegrationTaskState>(MongoJson.ToJson(d["state"].AsBsonDocument).ToJsonString()), new DateTimeOffset(d["createdAt"].ToUniversalTime()));
}
