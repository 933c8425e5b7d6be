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
            "SELECT id, team_id, kind, secret_protected, secret_last4, created_at FROM integrations WHERE team_id = $team ORDER BY kind, id",
            ("$team", teamId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var integrations = new List<Integration>();
        while (await reader.ReadAsync(cancellationToken))
            integrations.Add(new Integration(reader.GetString(0), reader.GetString(1), Enum.Parse<IntegrationKind>(reader.GetString(2)),
                reader.GetString(3), reader.GetString(4), reader.ReadTime(5)));
        return integrations;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command("DELETE FROM integrations WHERE team_id = $team AND id = $id", ("$team", teamId), ("$id", id));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
