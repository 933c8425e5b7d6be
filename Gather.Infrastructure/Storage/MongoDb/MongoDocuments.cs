using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// One team's documents of one kind in MongoDB, keyed by team and id: every filter starts from
/// <see cref="MongoQueries.OfTeam{TDocument}"/>, a document of another team is refused before it is written, and a
/// duplicate-key error becomes the port's <see cref="DuplicateDocumentException"/> with the message the kind declares.
/// </summary>
internal sealed class MongoDocuments<T, TDocument>(IMongoCollection<TDocument> collection, string teamId, MongoDocumentKind<T, TDocument> kind)
    where T : class
    where TDocument : class
{
    public Task InsertAsync(T document, CancellationToken cancellationToken)
    {
        EnsureOwned(document);
        return MongoDuplicates.InsertAsync(collection, kind.ToDocument(document), () => kind.Duplicate(document), cancellationToken);
    }

    /// <summary>Inserts the documents not stored yet; one already there (another instance ensured it first) is kept as it stands.</summary>
    public async Task EnsureAsync(IEnumerable<T> documents, CancellationToken cancellationToken)
    {
        foreach (var document in documents)
        {
            EnsureOwned(document);
            await MongoDuplicates.InsertIfNewAsync(collection, kind.ToDocument(document), cancellationToken);
        }
    }

    public async Task<T?> GetAsync(string id, CancellationToken cancellationToken) =>
        await collection.Find(ById(id)).FirstOrDefaultAsync(cancellationToken) is { } document ? kind.ToDomain(document) : null;

    /// <summary>The team's document matching <paramref name="filter"/>, which names a unique key so at most one does.</summary>
    public async Task<T?> FindAsync(FilterDefinition<TDocument> filter, CancellationToken cancellationToken) =>
        await collection.Find(OfTeam & filter).FirstOrDefaultAsync(cancellationToken) is { } document ? kind.ToDomain(document) : null;

    /// <summary>The team's documents in the kind's order; at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<T>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var documents = kind.StandardFirstBy is { } field
            ? await MongoStandardFirst.ListAsync(collection, OfTeam, field, kind.Order, limit, cancellationToken)
            : await collection.Find(OfTeam).Sort(kind.Order).Limit(limit).ToListAsync(cancellationToken);
        return documents.Select(kind.ToDomain).ToList();
    }

    /// <summary>All the team's documents in the kind's order, for kinds a team holds only a few of.</summary>
    public async Task<IReadOnlyList<T>> ListAllAsync(CancellationToken cancellationToken) =>
        (await collection.Find(OfTeam).Sort(kind.Order).ToListAsync(cancellationToken)).Select(kind.ToDomain).ToList();

    /// <summary>Rewrites the document's updatable fields; null when the team has no document of that id.</summary>
    public Task<T?> UpdateAsync(T document, CancellationToken cancellationToken)
    {
        EnsureOwned(document);
        var stored = kind.ToDocument(document).ToBsonDocument();
        var set = new BsonDocument(kind.Updatable.Select(field => new BsonElement(field, stored[field])));
        return MongoDuplicates.TranslateAsync(() => SetReturningAsync(kind.IdOf(document), null, new BsonDocument("$set", set), cancellationToken),
            () => kind.Duplicate(document));
    }

    /// <summary>
    /// Applies <paramref name="update"/> to the team's document of that id if it also matches <paramref name="condition"/>
    /// (one atomic write); the document as it now stands, or null.
    /// </summary>
    public async Task<T?> SetReturningAsync(string id, FilterDefinition<TDocument>? condition, UpdateDefinition<TDocument> update,
        CancellationToken cancellationToken)
    {
        var updated = await collection.FindOneAndUpdateAsync(condition is null ? ById(id) : ById(id) & condition, update,
            new FindOneAndUpdateOptions<TDocument> { ReturnDocument = ReturnDocument.After }, cancellationToken);
        return updated is null ? null : kind.ToDomain(updated);
    }

    /// <summary>Applies <paramref name="update"/> to the team's document of that id; true when there is one.</summary>
    public async Task<bool> SetAsync(string id, UpdateDefinition<TDocument> update, CancellationToken cancellationToken) =>
        (await collection.UpdateOneAsync(ById(id), update, cancellationToken: cancellationToken)).MatchedCount > 0;

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        (await collection.DeleteOneAsync(ById(id), cancellationToken)).DeletedCount > 0;

    private FilterDefinition<TDocument> OfTeam => MongoQueries.OfTeam<TDocument>(teamId);

    private FilterDefinition<TDocument> ById(string id) => MongoQueries.ById<TDocument>(teamId, id);

    private void EnsureOwned(T document) => TeamScope.EnsureOwned(teamId, kind.TeamOf(document), kind.Noun);
}
