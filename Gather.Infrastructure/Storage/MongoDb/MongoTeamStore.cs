using Gather.Infrastructure.Security;
using Gather.Infrastructure.Teams;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>One team's view of the MongoDB store: every filter comes from <see cref="MongoQueries"/> with the team in it.</summary>
internal sealed class MongoTeamStore(MongoCollections collections, string teamId, MongoSyncBackoff backoff,
    MongoFieldStatsRepair statsRepair) : ITeamStore
{
    public string TeamId => teamId;

    public IModelStore Models { get; } = new MongoModelStore(collections, teamId, statsRepair);

    public IRecordStore Records { get; } = new MongoRecordStore(collections, teamId, backoff, statsRepair);

    public IRelationshipStore Relationships { get; } = new MongoRelationshipStore(collections, teamId);

    public IViewStore Views { get; } = new MongoViewStore(collections, teamId);

    public IIntegrationStore Integrations { get; } = new MongoIntegrationStore(collections, teamId);

    public IIntegrationTaskStore IntegrationTasks { get; } = new MongoIntegrationTaskStore(collections, teamId);

    public IFieldIndexStore FieldIndexes { get; } = new MongoFieldIndexStore(collections, teamId);

    public async Task<Team?> GetTeamAsync(CancellationToken cancellationToken) =>
        (await collections.Teams.Find(MongoQueries.TeamById(teamId)).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public Task InsertApiKeyAsync(ApiKey apiKey, CancellationToken cancellationToken)
    {
        TeamScope.EnsureOwned(teamId, apiKey.TeamId, "API key");
        return MongoWrites.InsertAsync(collections.ApiKeys, apiKey.ToDocument(), $"API key '{apiKey.Id}'", cancellationToken);
    }

    public async Task<ApiKey?> GetApiKeyAsync(string id, CancellationToken cancellationToken) =>
        (await collections.ApiKeys.Find(MongoQueries.ApiKeyById(teamId, id)).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public async Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var documents = await collections.ApiKeys.Find(MongoQueries.ApiKeysOfTeam(teamId))
            .Sort(MongoQueries.NewestApiKeysFirst).Limit(limit).ToListAsync(cancellationToken);
        return documents.Select(d => d.ToDomain()).ToList();
    }

    public async Task<ApiKey?> RevokeApiKeyAsync(string id, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        var revoked = await collections.ApiKeys.FindOneAndUpdateAsync(
            MongoQueries.UnrevokedApiKeyById(teamId, id),
            MongoQueries.Revoke(revokedAt.UtcDateTime),
            new FindOneAndUpdateOptions<ApiKeyDocument> { ReturnDocument = ReturnDocument.After },
            cancellationToken);
        // Already revoked (or not this team's): read it back as it stands, still team-scoped.
        return revoked?.ToDomain() ?? await GetApiKeyAsync(id, cancellationToken);
    }
}
