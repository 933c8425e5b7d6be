using Gather.Infrastructure.Integrations;
using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>One team's integrations in SQLite; every statement filters on <c>team_id</c>.</summary>
internal sealed class SqliteIntegrationStore(SqliteConnectionFactory connections, string teamId) : IIntegrationStore
{
    public async Task InsertAsync(Integration integration, CancellationToken cancellationToken)
    {
        TeamScope.EnsureOwned(teamId, integration.TeamId, "integration");
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "INSERT INTO integrations (id, team_id, kind, secret_protected, secret_last4, created_at) " +
            "VALUES ($id, $team, $kind, $secret, $last4, $created)",
            ("$id", integration.Id), ("$team", teamId), ("$kind", integration.Kind.ToString()), ("$secret", integration.EncryptedSecretKey),
            ("$last4", integration.SecretKeyLast4), ("$created", integration.CreatedAt.ToUnixMilliseconds()));
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException e) when (e.IsUniqueViolation())
        {
            throw new DuplicateDocumentException($"The team already has a {integration.Kind} integration.", e);
        }
    }

    public async Task<IReadOnlyList<Integration>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT id, team_id, kind, secret_protected, secret_last4, created_at, webhook_endpoint_id, webhook_secret_protected " +
            "FROM integrations WHERE team_id = $team ORDER BY kind, id",
            ("$team", teamId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var integrations = new List<Integration>();
        while (await reader.ReadAsync(cancellationToken))
            integrations.Add(new Integration(reader.GetString(0), reader.GetString(1), Enum.Parse<IntegrationKind>(reader.GetString(2)),
                reader.GetString(3), reader.GetString(4), reader.ReadTime(5))
            {
                WebhookEndpointId = reader.IsDBNull(6) ? null : reader.GetString(6),
                EncryptedWebhookSecret = reader.IsDBNull(7) ? null : reader.GetString(7),
            });
        return integrations;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command("DELETE FROM integrations WHERE team_id = $team AND id = $id", ("$team", teamId), ("$id", id));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<bool> SetWebhookAsync(string id, string? endpointId, string? encryptedSecret, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "UPDATE integrations SET webhook_endpoint_id = $endpoint, webhook_secret_protected = $secret WHERE team_id = $team AND id = $id",
            ("$endpoint", endpointId), ("$secret", encryptedSecret), ("$team", teamId), ("$id", id));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<bool> RememberEventAsync(string integrationId, string eventId, DateTimeOffset now, DateTimeOffset forgetBefore,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "DELETE FROM webhook_events WHERE received_at < $forget AND team_id = $team; " +
            "INSERT INTO webhook_events (team_id, integration_id, event_id, received_at) " +
            "SELECT $team, id, $event, $now FROM integrations WHERE team_id = $team AND id = $integration " +
            "ON CONFLICT (integration_id, event_id) DO NOTHING RETURNING event_id",
            ("$forget", forgetBefore.ToUnixMilliseconds()), ("$team", teamId), ("$event", eventId), ("$now", now.ToUnixMilliseconds()),
            ("$integration", integrationId));
        // The insert returns the id only when it was new.
        return await command.ExecuteScalarAsync(cancellationToken) is string;
    }

    public async Task<bool> HasEventAsync(string integrationId, string eventId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT 1 FROM webhook_events WHERE team_id = $team AND integration_id = $integration AND event_id = $event",
            ("$team", teamId), ("$integration", integrationId), ("$event", eventId));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }
}
