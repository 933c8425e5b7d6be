using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>
/// How one kind of small document is kept in its table, declared beside its mapping: the columns a document
/// fills (each bound as <c>$column</c>), the columns read back (in <see cref="Read"/>'s order), the listing
/// order, the columns an update rewrites, and what a violation of the table's unique constraints means.
/// Every table has <c>id</c> and <c>team_id</c> columns; <see cref="SqliteDocuments{T}"/> keys every statement by both.
/// </summary>
internal sealed record SqliteDocumentTable<T>(
    string Table,
    string Noun,
    Func<T, string> TeamOf,
    Func<T, (string Column, object? Value)[]> Row,
    string Columns,
    Func<SqliteDataReader, T> Read,
    string Order,
    Func<T, string> Duplicate)
    where T : class
{
    /// <summary>The columns an update rewrites; the others are fixed when the document is inserted.</summary>
    public IReadOnlyList<string> Updatable { get; init; } = [];

    public string Insert(T document) =>
        $"INSERT INTO {Table} ({string.Join(", ", Row(document).Select(c => c.Column))}) " +
        $"VALUES ({string.Join(", ", Row(document).Select(c => "$" + c.Column))})";

    public (string, object?)[] Parameters(T document) => [.. Row(document).Select(c => ("$" + c.Column, c.Value))];

    public async Task<IReadOnlyList<T>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var documents = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
            documents.Add(Read(reader));
        return documents;
    }
}
