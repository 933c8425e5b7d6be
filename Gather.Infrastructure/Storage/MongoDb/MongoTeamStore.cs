using Gather.Infrastructure.Indexes;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Relationships;
using Gather.Infrastructure.Security;
using Gather.Infrastructure.Teams;
using Gather.Infrastructure.Views;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>One team's view of the MongoDB store: every filter comes from <see cref="MongoQueries"/> with the team in it.</summary>
internal sealed class MongoTeamStore(MongoCollections collections, string teamId, MongoSyncBackoff backoff,
    MongoFieldStatsRepair statsRepair) : ITeamStore
{
    private readonly MongoDocuments<ApiKey, ApiKeyDocument> _apiKeys = new(collections.ApiKeys, teamId, ApiKeyDocument.Mapping);

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

    public Task InsertApiKeyAsync(ApiKey apiKey, CancellationToken cancellationToken) => _apiKeys.InsertAsync(apiKey, cancellationToken);

    public Task<ApiKey?> GetApiKeyAsync(string id, CancellationToken cancellationToken) => _apiKeys.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(int limit, CancellationToken cancellationToken) =>
        _apiKeys.ListAsync(limit, cancellationToken);

    public async Task<ApiKey?> RevokeApiKeyAsync(string id, DateTimeOffset revokedAt, CancellationToken cancellationToken) =>
        await _apiKeys.SetReturningAsync(id, MongoQueries.Unrevoked, MongoQueries.Revoke(revokedAt.UtcDateTime), cancellationToken)
        // Already revoked (or not this team's): read it back as it stands, still team-scoped.
        ?? await GetApiKeyAsync(id, cancellationToken);
}
