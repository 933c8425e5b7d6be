using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// One team's documents of one kind in MongoDB, keyed by team and id: every filter starts from
/// <see cref="MongoQueries.OfTeam{TDocument}"/>, a document of another team is refused before it is written, and a
/// duplicate-key error becomes the port's <see cref="DuplicateDocumentException"/> with the message the kind declares.
/// A kind's store derives from it, so the operations its port shares with the others (insert, ensure, get, list,
/// update, delete) are these and the store writes only what its documents do beyond them; API keys, whose operations
/// <see cref="Teams.ITeamStore"/> names, use it as it is.
/// </summary>
internal class MongoDocuments<T, TDocument>(IMongoCollection<TDocument> collection, string teamId, MongoDocumentKind<T, TDocument> kind)
    where T : class
    where TDocument : class
{
    public Task InsertAsync(T document, CancellationToken cancellationToken) =>
        MongoDuplicates.InsertAsync(collection, Owned(document), () => kind.Duplicate(document), cancellationToken);

    /// <summary>Inserts the documents not stored yet; one already there (another instance ensured it first) is kept as it stands.</summary>
    public async Task EnsureAsync(IReadOnlyList<T> documents, CancellationToken cancellationToken)
    {
        foreach (var document in documents)
            await MongoDuplicates.InsertIfNewAsync(collection, Owned(document), cancellationToken);
    }

    public Task<T?> GetAsync(string id, CancellationToken cancellationToken) =>
        FindAsync(Builders<TDocument>.Filter.Eq("_id", id), cancellationToken);

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
    public async Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken) =>
        (await collection.Find(OfTeam).Sort(kind.Order).ToListAsync(cancellationToken)).Select(kind.ToDomain).ToList();

    /// <summary>Rewrites the document's updatable fields; null when the team has no document of that id.</summary>
    public Task<T?> UpdateAsync(T document, CancellationToken cancellationToken)
    {
        var stored = Owned(document).ToBsonDocument();
        var set = new BsonDocument(kind.Updatable.Select(field => new BsonElement(field, stored[field])));
        return MongoDuplicates.TranslateAsync(() => SetReturningAsync(stored["_id"].AsString, null, new BsonDocument("$set", set),
            cancellationToken), () => kind.Duplicate(document));
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

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        (await collection.DeleteOneAsync(ById(id), cancellationToken)).DeletedCount > 0;

    /// <summary>The team's document matching <paramref name="filter"/>, which names a unique key so at most one does.</summary>
    protected async Task<T?> FindAsync(FilterDefinition<TDocument> filter, CancellationToken cancellationToken) =>
        await collection.Find(OfTeam & filter).FirstOrDefaultAsync(cancellationToken) is { } document ? kind.ToDomain(document) : null;

    /// <summary>Applies <paramref name="update"/> to the team's document of that id; true when there is one.</summary>
    protected async Task<bool> SetAsync(string id, UpdateDefinition<TDocument> update, CancellationToken cancellationToken) =>
        (await collection.UpdateOneAsync(ById(id), update, cancellationToken: cancellationToken)).MatchedCount > 0;

    protected string TeamId => teamId;

    private FilterDefinition<TDocument> OfTeam => MongoQueries.OfTeam<TDocument>(teamId);

    private FilterDefinition<TDocument> ById(string id) => MongoQueries.ById<TDocument>(teamId, id);

    private TDocument Owned(T document)
    {
        TeamScope.EnsureOwned(teamId, kind.TeamOf(document), kind.Noun);
        return kind.ToDocument(document);
    }
}
