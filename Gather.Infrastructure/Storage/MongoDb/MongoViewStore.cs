using Gather.Infrastructure.Views;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// One team's views in the <c>views</c> collection: <c>{_id, teamId, name, nameKey, modelId,
/// definition, createdAt, updatedAt}</c>, the definition being <see cref="ViewDefinition"/>'s JSON.
/// </summary>
internal sealed class MongoViewStore(MongoCollections collections, string teamId) : IViewStore
{
    public const string Collection = "views";

    /// <summary>Names are unique per team regardless of case; the same index lists a team's views by name.</summary>
    public static IEnumerable<CreateIndexModel<BsonDocument>> Indexes =>
    [
        new(new BsonDocument { { "teamId", 1 }, { "nameKey", 1 } }, new CreateIndexOptions { Name = "teamId_nameKey_unique", Unique = true }),
    ];

    public Task InsertAsync(View view, CancellationToken cancellationToken)
    {
        TeamScope.EnsureOwned(teamId, view.TeamId, "view");
        return MongoWrites.InsertAsync(collections.Views, ToDocument(view), $"A view named '{view.Name}'", cancellationToken);
    }

    public async Task<View?> GetAsync(string id, CancellationToken cancellationToken) =>
        await collections.Views.Find(ById(id)).FirstOrDefaultAsync(cancellationToken) is { } document ? ToView(document) : null;

    public async Task<View?> GetByNameAsync(string name, CancellationToken cancellationToken) =>
        await collections.Views.Find(new BsonDocument { { "teamId", teamId }, { "nameKey", View.NameKey(name) } })
            .FirstOrDefaultAsync(cancellationToken) is { } document ? ToView(document) : null;

    public async Task<IReadOnlyList<View>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var documents = await collections.Views.Find(new BsonDocument("teamId", teamId))
            .Sort(new BsonDocument { { "nameKey", 1 }, { "_id", 1 } }).Limit(limit).ToListAsync(cancellationToken);
        return documents.Select(ToView).ToList();
    }

    public async Task<View?> UpdateAsync(View view, CancellationToken cancellationToken)
    {
        TeamScope.EnsureOwned(teamId, view.TeamId, "view");
        var document = ToDocument(view);
        try
        {
            var updated = await collections.Views.FindOneAndUpdateAsync(ById(view.Id),
                new BsonDocument("$set", new BsonDocument
                {
                    { "name", document["name"] }, { "nameKey", document["nameKey"] },
                    { "definition", document["definition"] }, { "updatedAt", document["updatedAt"] },
                }),
                new FindOneAndUpdateOptions<BsonDocument> { ReturnDocument = ReturnDocument.After }, cancellationToken);
            return updated is null ? null : ToView(updated);
        }
        catch (MongoCommandException e) when (e.Code == 11000)
        {
            throw new DuplicateDocumentException($"A view named '{view.Name}' already exists.", e);
        }
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        (await collections.Views.DeleteOneAsync(ById(id), cancellationToken)).DeletedCount > 0;

    private BsonDocument ById(string id) => new() { { "_id", id }, { "teamId", teamId } };

    private static BsonDocument ToDocument(View view) => new()
    {
        { "_id", view.Id }, { "teamId", view.TeamId }, { "name", view.Name }, { "nameKey", View.NameKey(view.Name) },
        { "modelId", view.ModelId }, { "definition", MongoJson.ToBson(ViewDefinition.ToJson(view)) },
        { "createdAt", view.CreatedAt.UtcDateTime }, { "updatedAt", view.UpdatedAt.UtcDateTime },
    };

    private static View ToView(BsonDocument document)
    {
        var (columns, where, order) = ViewDefinition.FromJson(MongoJson.ToJson(document["definition"].AsBsonDocument));
        return new View(document["_id"].AsString, document["teamId"].AsString, document["name"].AsString, document["modelId"].AsString,
            columns, where, order, new DateTimeOffset(document["createdAt"].ToUniversalTime()), new DateTimeOffset(document["updatedAt"].ToUniversalTime()));
    }
}
