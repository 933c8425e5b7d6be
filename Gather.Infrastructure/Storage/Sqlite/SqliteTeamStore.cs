using Gather.Infrastructure.Indexes;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Relationships;
using Gather.Infrastructure.Security;
using Gather.Infrastructure.Teams;
using Gather.Infrastructure.Views;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>One team's view of the SQLite store: every statement filters on <c>team_id</c>.</summary>
internal sealed class SqliteTeamStore(SqliteConnectionFactory connections, string teamId) : ITeamStore
{
    private readonly SqliteDocuments<ApiKey> _apiKeys = new(connections, teamId, SqliteApiKeyRows.Table);

    public string TeamId => teamId;

    public IModelStore Models { get; } = new SqliteModelStore(connections, teamId);

    public IRecordStore Records { get; } = new SqliteRecordStore(connections, teamId);

    public IRelationshipStore Relationships { get; } = new SqliteRelationshipStore(connections, teamId);

    public IViewStore Views { get; } = new SqliteViewStore(connections, teamId);

    public IIntegrationStore Integrations { get; } = new SqliteIntegrationStore(connections, teamId);

    public IIntegrationTaskStore IntegrationTasks { get; } = new SqliteIntegrationTaskStore(connections, teamId);

    public IFieldIndexStore FieldIndexes { get; } = new SqliteFieldIndexStore(connections, teamId);

    public Task<Team?> GetTeamAsync(CancellationToken cancellationToken) =>
        SqliteTeamRows.FindAsync(connections, "WHERE id = $team", [("$team", teamId)], cancellationToken);

    public Task InsertApiKeyAsync(ApiKey apiKey, CancellationToken cancellationToken) => _apiKeys.InsertAsync(apiKey, cancellationToken);

    public Task<ApiKey?> GetApiKeyAsync(string id, CancellationToken cancellationToken) => _apiKeys.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(int limit, CancellationToken cancellationToken) =>
        _apiKeys.ListAsync(limit, cancellationToken);

    /// <summary>COALESCE keeps the first revocation time when a key is revoked twice.</summary>
    public Task<ApiKey?> RevokeApiKeyAsync(string id, DateTimeOffset revokedAt, CancellationToken cancellationToken) =>
        _apiKeys.SetReturningAsync(id, "revoked_at = COALESCE(revoked_at, $at)", [("$at", revokedAt.ToUnixMilliseconds())], cancellationToken);
}
