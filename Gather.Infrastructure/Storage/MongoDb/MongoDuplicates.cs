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

    public static Task<T> TranslateAsync<T>(Func<Task<T>> write, Func<string> duplicate) =>
        OnDuplicateAsync(write, e => throw new DuplicateDocumentException(duplicate(), e));

    public static Task InsertAsync<TDocument>(IMongoCollection<TDocument> collection, TDocument document, Func<string> duplicate,
        CancellationToken cancellationToken) =>
        TranslateAsync(() => InsertedAsync(collection, document, cancellationToken), duplicate);

    /// <summary>Inserts <paramref name="document"/> unless its id or a unique key is already taken; true when it was new.</summary>
    public static Task<bool> InsertIfNewAsync<TDocument>(IMongoCollection<TDocument> collection, TDocument document,
        CancellationToken cancellationToken) =>
        OnDuplicateAsync(() => InsertedAsync(collection, document, cancellationToken), _ => false);

    private static async Task<T> OnDuplicateAsync<T>(Func<Task<T>> write, Func<MongoException, T> duplicate)
    {
        try
        {
            return await write();
        }
        catch (MongoException e) when (e.IsDuplicateKey())
        {
            return duplicate(e);
        }
    }

    private static async Task<bool> InsertedAsync<TDocument>(IMongoCollection<TDocument> collection, TDocument document,
        CancellationToken cancellationToken)
    {
        await collection.InsertOneAsync(document, cancellationToken: cancellationToken);
        return true;
    }
}
