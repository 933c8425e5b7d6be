using Gather.Infrastructure.Security;
using Gather.Infrastructure.Teams;
using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>One team's view of the SQLite store: every statement filters on <c>team_id</c>.</summary>
internal sealed class SqliteTeamStore(SqliteConnectionFactory connections, string teamId) : ITeamStore
{
    public string TeamId => teamId;

    public IModelStore Models { get; } = new SqliteModelStore(connections, teamId);

    public IRecordStore Records { get; } = new SqliteRecordStore(connections, teamId);

    public IRelationshipStore Relationships { get; } = new SqliteRelationshipStore(connections, teamId);

    public IViewStore Views { get; } = new SqliteViewStore(connections, teamId);

    public IIntegrationStore Integrations { get; } = new SqliteIntegrationStore(connections, teamId);

    public IIntegrationTaskStore IntegrationTasks { get; } = new SqliteIntegrationTaskStore(connections, teamId);

    public IFieldIndexStore FieldIndexes { get; } = new SqliteFieldIndexStore(connections, teamId);

    public async Task<Team?> GetTeamAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT id, name, created_at FROM teams WHERE id = $team", ("$team", teamId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? SqliteTeamRows.Read(reader) : null;
    }

    public async Task InsertApiKeyAsync(ApiKey apiKey, CancellationToken cancellationToken)
    {
        TeamScope.EnsureOwned(teamId, apiKey.TeamId, "API key");
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(SqliteApiKeyRows.Insert, SqliteApiKeyRows.Parameters(apiKey));
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException e) when (e.IsUniqueViolation())
        {
            throw new DuplicateDocumentException($"API key '{apiKey.Id}' or its secret already exists.", e);
        }
    }

    public async Task<ApiKey?> GetApiKeyAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {SqliteApiKeyRows.Columns} FROM api_keys WHERE team_id = $team AND id = $id",
            ("$team", teamId), ("$id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? SqliteApiKeyRows.Read(reader) : null;
    }

    public async Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {SqliteApiKeyRows.Columns} FROM api_keys WHERE team_id = $team ORDER BY created_at DESC, id DESC LIMIT $limit",
            ("$team", teamId), ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<ApiKey>();
        while (await reader.ReadAsync(cancellationToken))
            keys.Add(SqliteApiKeyRows.Read(reader));
        return keys;
    }

    public async Task<ApiKey?> RevokeApiKeyAsync(string id, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // COALESCE keeps the first revocation time when a key is revoked twice.
        await using var command = connection.Command(
            $"UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $at) WHERE team_id = $team AND id = $id RETURNING {SqliteApiKeyRows.Columns}",
            ("$team", teamId), ("$id", id), ("$at", revokedAt.ToUnixMilliseconds()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? SqliteApiKeyRows.Read(reader) : null;
    }
}
