using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.IntegrationTasks;
using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>One team's integration tasks in SQLite; every statement filters on <c>team_id</c>. A lease is a conditional UPDATE.</summary>
internal sealed class SqliteIntegrationTaskStore(SqliteConnectionFactory connections, string teamId)
    : SqliteDocuments<IntegrationTask>(connections, teamId, Table), IIntegrationTaskStore
{
    /// <summary>The lease columns are the store's own; a task is inserted with none.</summary>
    public static readonly SqliteDocumentTable<IntegrationTask> Table = new("integration_tasks", "integration task", t => t.TeamId,
        t =>
        [
            ("id", t.Id), ("team_id", t.TeamId), ("integration_id", t.IntegrationId), ("kind", t.Kind.ToString()),
            ("options", IntegrationTaskJson.Write(t.Options)), ("state", IntegrationTaskJson.Write(t.State)),
            ("created_at", t.CreatedAt.ToUnixMilliseconds()),
        ],
        "id, team_id, integration_id, kind, options, state, created_at", Read, "created_at, id",
        t => $"Integration task '{t.Id}' already exists.");

    /// <summary>Inserted only when the team has that integration: a task never points at another team's integration, or at none.</summary>
    public override async Task InsertAsync(IntegrationTask task, CancellationToken cancellationToken)
    {
        var inserted = await InsertAsync(task, "INSERT INTO integration_tasks (id, team_id, integration_id, kind, options, state, created_at) " +
            "SELECT $id, $team_id, id, $kind, $options, $state, $created_at FROM integrations WHERE team_id = $team_id AND id = $integration_id",
            cancellationToken);
        if (inserted == 0)
            throw new InvalidOperationException($"The team has no integration '{task.IntegrationId}' for the task.");
    }

    public Task<bool> TryLeaseAsync(string id, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        SetAsync(id, "lease_owner = $owner, lease_until = $until", "lease_owner IS NULL OR lease_owner = $owner OR lease_until <= $now",
            [("$owner", owner), ("$until", until.ToUnixMilliseconds()), ("$now", now.ToUnixMilliseconds())], cancellationToken);

    public Task<bool> SaveStateAsync(string id, string owner, IntegrationTaskState state, DateTimeOffset leaseUntil,
        CancellationToken cancellationToken) =>
        SetAsync(id, "state = $state, lease_until = $until", "lease_owner = $owner",
            [("$state", IntegrationTaskJson.Write(state)), ("$until", leaseUntil.ToUnixMilliseconds()), ("$owner", owner)], cancellationToken);

    public Task<bool> SaveIdleStateAsync(string id, IntegrationTaskState state, DateTimeOffset now, CancellationToken cancellationToken) =>
        SetAsync(id, "state = $state", "lease_owner IS NULL OR lease_until <= $now",
            [("$state", IntegrationTaskJson.Write(state)), ("$now", now.ToUnixMilliseconds())], cancellationToken);

    public Task ReleaseAsync(string id, string owner, CancellationToken cancellationToken) =>
        SetAsync(id, "lease_owner = NULL, lease_until = NULL", "lease_owner = $owner", [("$owner", owner)], cancellationToken);

    private static IntegrationTask Read(SqliteDataReader reader) => new(reader.GetString(0), reader.GetString(1), reader.GetString(2),
        new IntegrationTaskKind(reader.GetString(3)), IntegrationTaskJson.Read<IntegrationTaskOptions>(reader.GetString(4)),
        IntegrationTaskJson.Read<IntegrationTaskState>(reader.GetString(5)), reader.ReadTime(6));
}
