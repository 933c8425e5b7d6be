using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// The adapter's one reading of MongoDB's duplicate-key error (E11000), which the driver raises as a write error
/// for inserts and updates and as a command error for findAndModify, and its one translation into the port's
/// <see cref="DuplicateDocumentException"/>.
/// </summary>
internal static class MongoDuplicates
{
    private const int DuplicateKey = 11000;

    public static bool IsDuplicateKey(this MongoException exception) => exception switch
    {
        MongoWriteException write => write.WriteError?.Category == ServerErrorCategory.DuplicateKey,
        MongoCommandException command => command.Code == DuplicateKey,
        _ => false,
    };

    public static async Task<T> TranslateAsync<T>(Func<Task<T>> write, Func<string> duplicate)
    {
        try
        {
            return await write();
        }
        catch (MongoException e) when (e.IsDuplicateKey())
        {
            throw new DuplicateDocumentException(duplicate(), e);
        }
    }

    public static Task InsertAsync<TDocument>(IMongoCollection<TDocument> collection, TDocument document, Func<string> duplicate,
        CancellationToken cancellationToken) =>
        TranslateAsync(async () =>
        {
            await collection.InsertOneAsync(document, cancellationToken: cancellationToken);
            return true;
        }, duplicate);

    /// <summary>Inserts <paramref name="document"/> unless its id or a unique key is already taken; true when it was new.</summary>
    public static async Task<bool> InsertIfNewAsync<TDocument>(IMongoCollection<TDocument> collection, TDocument document,
        CancellationToken cancellationToken)
    {
        try
        {
            await collection.InsertOneAsync(document, cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoException e) when (e.IsDuplicateKey())
        {
            return false;
        }
    }
}
