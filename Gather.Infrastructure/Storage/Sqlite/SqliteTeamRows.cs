using Gather.Infrastructure.Teams;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>Reads the <c>teams</c> table (columns id, name, created_at) as <see cref="Team"/>.</summary>
internal static class SqliteTeamRows
{
    /// <summary>The first team <paramref name="clause"/> (its WHERE, or its ORDER BY and LIMIT) selects; null when none.</summary>
    public static async Task<Team?> FindAsync(SqliteConnectionFactory connections, string clause, (string, object?)[] parameters,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command($"SELECT id, name, created_at FROM teams {clause}", parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new Team(reader.GetString(0), reader.GetString(1), reader.ReadTime(2)) : null;
    }
}
