using Gather.Infrastructure.Integrations;
using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>One team's integrations in SQLite; every statement filters on <c>team_id</c>.</summary>
internal sealed class SqliteIntegrationStore(SqliteConnectionFactory connections, string teamId)
    : SqliteDocuments<Integration>(connections, teamId, Table), IIntegrationStore
{
    /// <summary>One integration per kind per team (<c>ux_integrations_team_kind</c>); the webhook columns are set after it is stored.</summary>
    private static readonly SqliteDocumentTable<Integration> Table = new("integrations", "integration", i => i.TeamId,
        i =>
        [
            ("id", i.Id), ("team_id", i.TeamId), ("kind", i.Kind.ToString()), ("secret_protected", i.EncryptedSecretKey),
            ("secret_last4", i.SecretKeyLast4), ("created_at", i.CreatedAt.ToUnixMilliseconds()),
        ],
        "id, team_id, kind, secret_protected, secret_last4, created_at, webhook_endpoint_id, webhook_secret_protected", Read,
        "kind, id", i => $"The team already has a {i.Kind} integration.");

    public Task<bool> SetWebhookAsync(string id, string? endpointId, string? encryptedSecret, CancellationToken cancellationToken) =>
        SetAsync(id, "webhook_endpoint_id = $endpoint, webhook_secret_protected = $secret", null,
            [("$endpoint", endpointId), ("$secret", encryptedSecret)], cancellationToken);

    public Task<bool> RememberEventAsync(string integrationId, string eventId, DateTimeOffset now, DateTimeOffset forgetBefore,
        CancellationToken cancellationToken) =>
        RunAsync("DELETE FROM webhook_events WHERE received_at < $forget AND team_id = $team; " +
            "INSERT INTO webhook_events (team_id, integration_id, event_id, received_at) " +
            "SELECT $team, id, $event, $now FROM integrations WHERE team_id = $team AND id = $integration " +
            "ON CONFLICT (integration_id, event_id) DO NOTHING RETURNING event_id",
            [("$forget", forgetBefore.ToUnixMilliseconds()), ("$event", eventId), ("$now", now.ToUnixMilliseconds()), ("$integration", integrationId)],
            // The insert returns the id only when it was new.
            async command => await command.ExecuteScalarAsync(cancellationToken) is string, cancellationToken);

    public Task<bool> HasEventAsync(string integrationId, string eventId, CancellationToken cancellationToken) =>
        RunAsync("SELECT 1 FROM webhook_events WHERE team_id = $team AND integration_id = $integration AND event_id = $event",
            [("$integration", integrationId), ("$event", eventId)],
            async command => await command.ExecuteScalarAsync(cancellationToken) is not null, cancellationToken);

    private static Integration Read(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), new IntegrationKind(reader.GetString(2)), reader.GetString(3),
            reader.GetString(4), reader.ReadTime(5))
        {
            WebhookEndpointId = reader.IsDBNull(6) ? null : reader.GetString(6),
            EncryptedWebhookSecret = reader.IsDBNull(7) ? null : reader.GetString(7),
        };
}
