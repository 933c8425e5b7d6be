using Gather.Infrastructure.Views;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// One team's views in the <c>views</c> collection: <c>{_id, teamId, name, nameKey, modelId,
/// definition, createdAt, updatedAt}</c>, the definition being <see cref="ViewDefinition"/>'s JSON.
/// </summary>
internal sealed class MongoViewStore(MongoCollections collections, string teamId)
    : MongoDocuments<View, BsonDocument>(collections.Views, teamId, Mapping), IViewStore
{
    public const string Collection = "views";

    /// <summary>Names are unique per team regardless of case; the same index lists a team's views by name.</summary>
    public static IEnumerable<CreateIndexModel<BsonDocument>> Indexes =>
    [
        new(new BsonDocument { { "teamId", 1 }, { "nameKey", 1 } }, new CreateIndexOptions { Name = "teamId_nameKey_unique", Unique = true }),
    ];

    private static readonly MongoDocumentKind<View, BsonDocument> Mapping = new("view", v => v.TeamId, ToDocument, ToView,
        new BsonDocument { { "nameKey", 1 }, { "_id", 1 } }, v => $"A view named '{v.Name}' already exists.")
    {
        Updatable = ["name", "nameKey", "definition", "updatedAt"],
    };

    public Task<View?> GetByNameAsync(string name, CancellationToken cancellationToken) =>
        FindAsync(new BsonDocument("nameKey", View.NameKey(name)), cancellationToken);

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
