using Gather.Infrastructure.Relationships;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>One team's relationships in MongoDB; every filter carries the team.</summary>
internal sealed class MongoRelationshipStore(MongoCollections collections, string teamId) : IRelationshipStore
{
    private static FilterDefinitionBuilder<RelationshipDocument> Filter => Builders<RelationshipDocument>.Filter;

    public async Task EnsureAsync(IReadOnlyList<Relationship> relationships, CancellationToken cancellationToken)
    {
        foreach (var relationship in relationships)
        {
            TeamScope.EnsureOwned(teamId, relationship.TeamId, "relationship");
            try
            {
                await collections.Relationships.InsertOneAsync(RelationshipDocument.From(relationship), cancellationToken: cancellationToken);
            }
            catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
            {
                // Already there (another instance ensured it first).
            }
        }
    }

    public Task InsertAsync(Relationship relationship, CancellationToken cancellationToken)
    {
        TeamScope.EnsureOwned(teamId, relationship.TeamId, "relationship");
        return MongoWrites.InsertAsync(collections.Relationships, RelationshipDocument.From(relationship),
            $"A relationship named '{relationship.Name}' or '{relationship.InverseName}' on its model", cancellationToken);
    }

    public async Task<IReadOnlyList<Relationship>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var documents = await MongoStandardFirst.ListAsync(collections.Relationships, Filter.Eq(r => r.TeamId, teamId), r => r.Kind,
            Builders<RelationshipDocument>.Sort.Ascending(r => r.Name).Ascending(r => r.Id), limit, cancellationToken);
        return documents.Select(d => d.ToDomain()).ToList();
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        (await collections.Relationships.DeleteOneAsync(Filter.Eq(r => r.TeamId, teamId) & Filter.Eq(r => r.Id, id), cancellationToken))
        .DeletedCount > 0;

    /// <summary>A deleted model's relationships go with it (SQLite's foreign keys do the same).</summary>
    public static FilterDefinition<RelationshipDocument> OfModel(string teamId, string modelId) =>
        Filter.Eq(r => r.TeamId, teamId) & (Filter.Eq(r => r.FromModelId, modelId) | Filter.Eq(r => r.ToModelId, modelId));
}
