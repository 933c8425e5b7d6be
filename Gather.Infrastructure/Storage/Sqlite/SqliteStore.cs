using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Security;
using Gather.Infrastructure.Teams;
using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>The embedded adapter of <see cref="IGatherStore"/>: one SQLite file in WAL mode.</summary>
public sealed class SqliteStore(SqliteConnectionFactory connections) : IGatherStore
{
    public ITeamStore ForTeam(string teamId) => new SqliteTeamStore(connections, TeamScope.Require(teamId));

    public async Task<ApiKey?> FindApiKeyBySecretHashAsync(string secretHash, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {SqliteApiKeyRows.Table.Columns} FROM api_keys WHERE secret_hash = $hash", ("$hash", secretHash));
        return (await SqliteApiKeyRows.Table.ReadAllAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<IntegrationTask>> ListAllIntegrationTasksAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var tasks = SqliteIntegrationTaskStore.Table;
        await using var command = connection.Command($"SELECT {tasks.Columns} FROM {tasks.Table} ORDER BY team_id, {tasks.Order}");
        return await tasks.ReadAllAsync(command, cancellationToken);
    }

    public async Task<string?> FindIntegrationTeamAsync(string integrationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT team_id FROM integrations WHERE id = $id", ("$id", integrationId));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public Task<Team?> FindFirstTeamAsync(CancellationToken cancellationToken) =>
        SqliteTeamRows.FindAsync(connections, "ORDER BY created_at, id LIMIT 1", [], cancellationToken);

    public async Task CreateTeamAsync(Team team, ApiKey firstKey, CancellationToken cancellationToken)
    {
        TeamScope.EnsureOwned(team.Id, firstKey.TeamId, "API key");
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await SqliteDuplicates.TranslateAsync(async () =>
        {
            await using (var insertTeam = transaction.Command("INSERT INTO teams (id, name, created_at) VALUES ($id, $name, $created)",
                ("$id", team.Id), ("$name", team.Name), ("$created", team.CreatedAt.ToUnixMilliseconds())))
                await insertTeam.ExecuteNonQueryAsync(cancellationToken);
            await using (var insertKey = transaction.Command(SqliteApiKeyRows.Table.Insert(firstKey), SqliteApiKeyRows.Table.Parameters(firstKey)))
                await insertKey.ExecuteNonQueryAsync(cancellationToken);
            await using (var records = transaction.Once(SqliteRecordTable.Create(team.Id)))
                await records.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, () => $"Team '{team.Id}' or its first key already exists.");
    }

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT count(*) FROM sqlite_master");
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
