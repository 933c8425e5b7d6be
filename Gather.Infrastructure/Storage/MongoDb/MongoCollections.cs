using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>Typed accessors over the one database; the client behind it is a singleton.</summary>
internal sealed class MongoCollections(IMongoDatabase database)
{
    public IMongoDatabase Database => database;

    public IMongoCollection<TeamDocument> Teams { get; } = database.GetCollection<TeamDocument>(TeamDocument.Collection);

    public IMongoCollection<ApiKeyDocument> ApiKeys { get; } = database.GetCollection<ApiKeyDocument>(ApiKeyDocument.Collection);

    public IMongoCollection<ModelDocument> Models { get; } = database.GetCollection<ModelDocument>(ModelDocument.Collection);

    /// <summary>The team's own records collection (<see cref="TeamRecords"/>).</summary>
    public IMongoCollection<BsonDocument> RecordsOf(string teamId) => database.GetCollection<BsonDocument>(TeamRecords.NameFor(teamId));

    /// <summary>The one records collection all teams shared before each had its own; emptied at start-up (<see cref="MongoRecordCollectionMigration"/>).</summary>
    public IMongoCollection<BsonDocument> SharedRecords { get; } = database.GetCollection<BsonDocument>(RecordDocument.SharedCollection);

    public IMongoCollection<BsonDocument> FieldStats { get; } = database.GetCollection<BsonDocument>(FieldStatDocument.Collection);

    public IMongoCollection<BsonDocument> FieldStatsPending { get; } = database.GetCollection<BsonDocument>(MongoFieldStatsRepair.Collection);

    public IMongoCollection<BsonDocument> Relationships { get; } = database.GetCollection<BsonDocument>(MongoRelationshipStore.Collection);

    public IMongoCollection<BsonDocument> Views { get; } = database.GetCollection<BsonDocument>(MongoViewStore.Collection);

    public IMongoCollection<BsonDocument> Integrations { get; } = database.GetCollection<BsonDocument>(MongoIntegrationStore.Collection);

    public IMongoCollection<BsonDocument> IntegrationTasks { get; } = database.GetCollection<BsonDocument>(MongoIntegrationTaskStore.Collection);

    public IMongoCollection<BsonDocument> WebhookEvents { get; } = database.GetCollection<BsonDocument>(MongoIntegrationStore.EventsCollection);

    public IMongoCollection<BsonDocument> FieldIndexes { get; } = database.GetCollection<BsonDocument>(MongoFieldIndexStore.Collection);

    public static IReadOnlyList<string> Names =>
    [
        TeamDocument.Collection, ApiKeyDocument.Collection, ModelDocument.Collection,
        FieldStatDocument.Collection, MongoRelationshipStore.Collection, MongoViewStore.Collection,
        MongoIntegrationStore.Collection, MongoIntegrationTaskStore.Collection, MongoIntegrationStore.EventsCollection,
        MongoFieldIndexStore.Collection, MongoFieldStatsRepair.Collection,
    ];
}
