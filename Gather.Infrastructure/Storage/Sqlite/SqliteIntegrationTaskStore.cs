using Gather.Infrastructure.IntegrationTasks;
using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>One team's integration tasks in SQLite; every statement filters on <c>team_id</c>. A lease is a conditional UPDATE.</summary>
internal sealed class SqliteIntegrationTaskStore(SqliteConnectionFactory connections, string teamId) : IIntegrationTaskStore
{
    private const string Columns = "id, team_id, integration_id, kind, options, state, created_at";

    public async Task InsertAsync(IntegrationTask task, CancellationToken cancellationToken)
    {
        TeamScope.EnsureOwned(teamId, task.TeamId, "integration task");
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "INSERT INTO integration_tasks (id, team_id, integration_id, kind, options, state, created_at) " +
            "SELECT $id, $team, id, $kind, $options, $state, $created FROM integrations WHERE team_id = $team AND id = $integration",
            ("$id", task.Id), ("$team", teamId), ("$integration", task.IntegrationId), ("$kind", task.Kind.ToString()),
            ("$options", IntegrationTaskJson.Write(task.Options)), ("$state", IntegrationTaskJson.Write(task.State)),
            ("$created", task.CreatedAt.ToUnixMilliseconds()));
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            throw new InvalidOperationException($"The team has no integration '{task.IntegrationId}' for the task.");
    }

    public async Task<IReadOnlyList<IntegrationTask>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {Columns} FROM integration_tasks WHERE team_id = $team ORDER BY created_at, id", ("$team", teamId));
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<IntegrationTask?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {Columns} FROM integration_tasks WHERE team_id = $team AND id = $id", ("$team", teamId), ("$id", id));
        return (await ReadAllAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command("DELETE FROM integration_tasks WHERE team_id = $team AND id = $id", ("$team", teamId), ("$id", id));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<bool> TryLeaseAsync(string id, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "UPDATE integration_tasks SET lease_owner = $owner, lease_until = $until " +
            "WHERE team_id = $team AND id = $id AND (lease_owner IS NULL OR lease_owner = $owner OR lease_until <= $now)",
            ("$owner", owner), ("$until", until.ToUnixMilliseconds()), ("$team", teamId), ("$id", id), ("$now", now.ToUnixMilliseconds()));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<bool> SaveStateAsync(string id, string owner, IntegrationTaskState state, DateTimeOffset leaseUntil,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "UPDATE integration_tasks SET state = $state, lease_until = $until WHERE team_id = $team AND id = $id AND lease_owner = $owner",
            ("$state", IntegrationTaskJson.Write(state)), ("$until", leaseUntil.ToUnixMilliseconds()), ("$team", teamId), ("$id", id),
            ("$owner", owner));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<bool> SaveIdleStateAsync(string id, IntegrationTaskState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "UPDATE integration_tasks SET state = $state WHERE team_id = $team AND id = $id AND (lease_owner IS NULL OR lease_until <= $now)",
            ("$state", IntegrationTaskJson.Write(state)), ("$team", teamId), ("$id", id), ("$now", now.ToUnixMilliseconds()));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task ReleaseAsync(string id, string owner, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "UPDATE integration_tasks SET lease_owner = NULL, lease_until = NULL WHERE team_id = $team AND id = $id AND lease_owner = $owner",
            ("$team", teamId), ("$id", id), ("$owner", owner));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static async Task<IReadOnlyList<IntegrationTask>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tasks = new List<IntegrationTask>();
        while (await reader.ReadAsync(cancellationToken))
            tasks.Add(new IntegrationTask(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                Enum.Parse<IntegrationTaskKind>(reader.GetString(3)), IntegrationTaskJson.Read<IntegrationTaskOptions>(reader.GetString(4)),
                IntegrationTaskJson.Read<IntegrationTaskState>(reader.GetString(5)), reader.ReadTime(6)));
        return tasks;
    }
}
