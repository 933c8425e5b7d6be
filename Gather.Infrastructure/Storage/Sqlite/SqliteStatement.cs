namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>A statement and its parameters, as a store runs it (and as the query-plan tests explain it).</summary>
internal sealed record SqliteStatement(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);
