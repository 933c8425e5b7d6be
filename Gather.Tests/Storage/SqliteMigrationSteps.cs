using Gather.Infrastructure.Storage.Sqlite;

namespace Gather.Tests.Storage;

/// <summary>
/// A database as an older Gather left it: the migrations before the one that contains
/// <c>marker</c>, then rows written the old way; opening it runs the rest.
/// </summary>
public static class SqliteMigrationSteps
{
    /// <summary>A team <c>t1</c> and its custom model <c>m1</c> (Items, ID field <c>id</c>), for the rows a test writes after.</summary>
    public const string TeamAndModel = """
        INSERT INTO teams VALUES ('t1', 'Old', 0);
        INSERT INTO models (id, team_id, name, name_key, kind, id_field, declared_fields, created_at, updated_at)
            VALUES ('m1', 't1', 'Items', 'items', 'Custom', 'id', '[]', 0, 0);
        """;

    public static async Task<SqliteConnectionFactory> OpenAfterOlderVersionAsync(string path, string marker, string rows,
        params (string Name, object Value)[] parameters)
    {
        var connections = SqliteTestStore.Connections(path);
        var before = SqliteMigrations.All.ToList().FindIndex(m => m.Sql.Contains(marker, StringComparison.Ordinal));
        Assert.True(before > 0, $"No migration after the first contains '{marker}'.");
        await using (var connection = await connections.OpenAsync(CancellationToken.None))
        {
            await using var transaction = connection.BeginTransaction();
            foreach (var step in SqliteMigrations.All.Take(before))
                await step.ApplyAsync(transaction, CancellationToken.None);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"PRAGMA user_version = {before};\n" + rows;
            foreach (var (name, value) in parameters)
                command.Parameters.AddWithValue(name, value);
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
        return (await SqliteTestStore.OpenAsync(path)).Connections;
    }
}
