using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>Typed accessors over the one database; the client behind it is a singleton.</summary>
internal sealed class MongoCollections(IMongoDatabase database)
{
    public IMongoDatabase Database => database;

    public IMongoCollection<TeamDocument> Teams { get; } = database.GetCollection<TeamDocument>(TeamDocument.Collection);

    public IMongoCollection<ApiKeyDocument> ApiKeys { get; } = database.GetCollection<ApiKeyDocument>(ApiKeyDocument.Collection);
}
