using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>Writes that translate the driver's duplicate-key error into the port's exception.</summary>
internal static class MongoWrites
{
    public static async Task InsertAsync<TDocument>(IMongoCollection<TDocument> collection, TDocument document,
        string description, CancellationToken cancellationToken)
    {
        try
        {
            await collection.InsertOneAsync(document, cancellationToken: cancellationToken);
        }
        catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            throw new DuplicateDocumentException($"{description} already exists.", e);
        }
    }
}
