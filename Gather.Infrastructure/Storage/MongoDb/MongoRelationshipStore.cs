using Gather.Infrastructure.Relationships;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>One team's relationships in MongoDB; every filter carries the team.</summary>
internal sealed class MongoRelationshipStore(MongoCollections collections, string teamId) : IRelationshipStore
{
    private static FilterDefinitionBuilder<RelationshipDocument> Filter => Builders<RelationshipDocument>.Filter;

    private readonly MongoDocuments<Relationship, RelationshipDocument> _relationships =
        new(collections.Relationships, teamId, RelationshipDocument.Mapping);

    public Task EnsureAsync(IReadOnlyList<Relationship> relationships, CancellationToken cancellationToken) =>
        _relationships.EnsureAsync(relationships, cancellationToken);

    public Task InsertAsync(Relationship relationship, CancellationToken cancellationToken) =>
        _relationships.InsertAsync(relationship, cancellationToken);

    public Task<IReadOnlyList<Relationship>> ListAsync(int limit, CancellationToken cancellationToken) =>
        _relationships.ListAsync(limit, cancellationToken);

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => _relationships.DeleteAsync(id, cancellationToken);

    /// <summary>A deleted model's relationships go with it (SQLite's foreign keys do the same).</summary>
    public static FilterDefinition<RelationshipDocument> OfModel(string teamId, string modelId) =>
        Filter.Eq(r => r.TeamId, teamId) & (Filter.Eq(r => r.FromModelId, modelId) | Filter.Eq(r => r.ToModelId, modelId));
}
