using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>Parameterised commands; values are never spliced into SQL text.</summary>
internal static class SqliteCommandExtensions
{
    /// <summary>Every statement Gather sends goes through here, so it is where round trips are counted.</summary>
    public static SqliteCommand Command(this SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        // On a connection the factory keeps, the statement is compiled once and kept.
        return Bound(connection is WarmSqliteConnection warm ? warm.Statement(sql) : connection.CreateCommand(), sql, parameters);
    }

    /// <summary>A command enlisted in <paramref name="transaction"/>, as Microsoft.Data.Sqlite requires inside one.</summary>
    public static SqliteCommand Command(this SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = transaction.Connection!.Command(sql, parameters);
        command.Transaction = transaction;
        return command;
    }

    /// <summary>
    /// A command compiled for this one use, never kept on the connection: for statements sent once
    /// (a schema change, a team's own table), which would only crowd out the kept ones.
    /// </summary>
    public static SqliteCommand Once(this SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Bound(transaction.Connection!.CreateCommand(), sql, parameters);
        command.Transaction = transaction;
        return command;
    }

    private static SqliteCommand Bound(SqliteCommand command, string sql, (string Name, object? Value)[] parameters)
    {
        StoreRoundTrips.Record();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static long ToUnixMilliseconds(this DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset ReadTime(this SqliteDataReader reader, int ordinal) =>
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public static DateTimeOffset? ReadOptionalTime(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.ReadTime(ordinal);
}
