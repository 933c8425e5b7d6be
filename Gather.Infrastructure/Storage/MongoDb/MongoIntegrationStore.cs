using Gather.Infrastructure.Integrations;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// One team's integrations in the <c>integrations</c> collection:
/// <c>{_id, teamId, kind, secretProtected, secretLast4, createdAt}</c>, one per kind per team.
/// </summary>
internal sealed class MongoIntegrationStore(MongoCollections collections, string teamId) : IIntegrationStore
{
    public const string Collection = "integrations";

    public static IEnumerable<CreateIndexModel<BsonDocument>> Indexes =>
    [
        new(new BsonDocument { { "teamId", 1 }, { "kind", 1 } }, new CreateIndexOptions { Name = "teamId_kind_unique", Unique = true }),
    ];

    public Task InsertAsync(Integration integration, CancellationToken cancellationToken)
    {
        TeamScope.EnsureOwned(teamId, integration.TeamId, "integration");
        return MongoWrites.InsertAsync(collections.Integrations, new BsonDocument
        {
            { "_id", integration.Id }, { "teamId", teamId }, { "kind", integration.Kind.ToString() },
            { "secretProtected", integration.EncryptedSecretKey }, { "secretLast4", integration.SecretKeyLast4 },
            { "createdAt", integration.CreatedAt.UtcDateTime },
        }, $"A {integration.Kind} integration of the team", cancellationToken);
    }

    public async Task<IReadOnlyList<Integration>> ListAsync(CancellationToken cancellationToken)
    {
        var documents = await collections.Integrations.Find(new BsonDocument("teamId", teamId))
            .Sort(new BsonDocument { { "kind", 1 }, { "_id", 1 } }).ToListAsync(cancellationToken);
        return documents.Select(d => new Integration(d["_id"].AsString, d["teamId"].AsString, Enum.Parse<IntegrationKind>(d["kind"].AsString),
            d["secretProtected"].AsString, d["secretLast4"].AsString, new DateTimeOffset(d["createdAt"].ToUniversalTime()))).ToList();
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        (await collections.Integrations.DeleteOneAsync(new BsonDocument { { "_id", id }, { "teamId", teamId } }, cancellationToken)).DeletedCount > 0;
}
