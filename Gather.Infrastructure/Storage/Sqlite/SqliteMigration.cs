using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>
/// One step of the schema (<see cref="SqliteMigrations"/>): its SQL, then, for what SQL alone
/// cannot say (a statement for each team), <paramref name="Then"/>. Runs inside the migrating
/// write transaction, so a step that fails leaves the file as it was.
/// </summary>
internal sealed record SqliteMigration(string Sql, Func<SqliteTransaction, CancellationToken, Task>? Then = null)
{
    public static implicit operator SqliteMigration(string sql) => new(sql);

    public async Task ApplyAsync(SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using (var command = transaction.Once(Sql))
            await command.ExecuteNonQueryAsync(cancellationToken);
        if (Then is not null)
            await Then(transaction, cancellationToken);
    }
}
