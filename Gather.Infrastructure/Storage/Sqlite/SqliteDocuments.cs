using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>
/// One team's documents of one kind in SQLite, keyed by team and id: every statement filters on <c>team_id</c>,
/// a document of another team is refused before it is written, and a unique violation becomes the port's
/// <see cref="DuplicateDocumentException"/> with the message the table declares.
/// A kind's store derives from it, so the operations its port shares with the others (insert, ensure, get, list,
/// update, delete) are these and the store writes only what its documents do beyond them; API keys, whose operations
/// <see cref="Teams.ITeamStore"/> names, use it as it is.
/// </summary>
internal class SqliteDocuments<T>(SqliteConnectionFactory connections, string teamId, SqliteDocumentTable<T> table)
    where T : class
{
    /// <summary>Virtual for a kind whose insert must find something first (an integration task its integration).</summary>
    public virtual async Task InsertAsync(T document, CancellationToken cancellationToken) =>
        await InsertAsync(document, table.Insert(document), cancellationToken);

    /// <summary>Inserts the documents not stored yet; one already there (by id or a unique key) is kept as it stands.</summary>
    public async Task EnsureAsync(IReadOnlyList<T> documents, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        foreach (var document in documents)
        {
            EnsureOwned(document);
            await using var command = connection.Command(table.Insert(document) + " ON CONFLICT DO NOTHING", table.Parameters(document));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public Task<T?> GetAsync(string id, CancellationToken cancellationToken) => FindAsync("id = $id", [("$id", id)], cancellationToken);

    /// <summary>The team's documents in the table's order; at most <paramref name="limit"/>.</summary>
    public Task<IReadOnlyList<T>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadAsync($"SELECT {table.Columns} FROM {table.Table} WHERE team_id = $team ORDER BY {table.Order} LIMIT $limit",
            [("$limit", limit)], cancellationToken);
    }

    /// <summary>All the team's documents in the table's order, for kinds a team holds only a few of.</summary>
    public Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken) =>
        ReadAsync($"SELECT {table.Columns} FROM {table.Table} WHERE team_id = $team ORDER BY {table.Order}", [], cancellationToken);

    /// <summary>Rewrites the document's updatable columns; null when the team has no document of that id.</summary>
    public Task<T?> UpdateAsync(T document, CancellationToken cancellationToken)
    {
        EnsureOwned(document);
        var row = table.Row(document);
        var id = (string)row.Single(c => c.Column == "id").Value!;
        var set = row.Where(c => table.Updatable.Contains(c.Column)).ToList();
        return SqliteDuplicates.TranslateAsync(
            () => SetReturningAsync(id, string.Join(", ", set.Select(c => $"{c.Column} = ${c.Column}")),
                [.. set.Select(c => ("$" + c.Column, c.Value))], cancellationToken),
            () => table.Duplicate(document));
    }

    /// <summary>Applies <paramref name="set"/> to the team's document of that id; the document as it now stands, or null.</summary>
    public async Task<T?> SetReturningAsync(string id, string set, (string, object?)[] parameters, CancellationToken cancellationToken) =>
        (await ReadAsync($"UPDATE {table.Table} SET {set} WHERE team_id = $team AND id = $id RETURNING {table.Columns}",
            [.. parameters, ("$id", id)], cancellationToken)).SingleOrDefault();

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        await ExecuteAsync($"DELETE FROM {table.Table} WHERE team_id = $team AND id = $id", [("$id", id)], cancellationToken) > 0;

    /// <summary>
    /// Runs <paramref name="insert"/>, which binds the document's columns as <see cref="SqliteDocumentTable{T}.Insert"/> does;
    /// how many rows it inserted.
    /// </summary>
    protected Task<int> InsertAsync(T document, string insert, CancellationToken cancellationToken)
    {
        EnsureOwned(document);
        return SqliteDuplicates.TranslateAsync(() => ExecuteAsync(insert, table.Parameters(document), cancellationToken),
            () => table.Duplicate(document));
    }

    /// <summary>The team's document meeting <paramref name="condition"/>, which names a unique key so at most one does.</summary>
    protected async Task<T?> FindAsync(string condition, (string, object?)[] parameters, CancellationToken cancellationToken) =>
        (await ReadAsync($"SELECT {table.Columns} FROM {table.Table} WHERE team_id = $team AND ({condition})", parameters, cancellationToken))
        .SingleOrDefault();

    /// <summary>
    /// Applies <paramref name="set"/> to the team's document of that id if it also meets <paramref name="condition"/>
    /// (one statement, so the check and the write are atomic); true when it did.
    /// </summary>
    protected async Task<bool> SetAsync(string id, string set, string? condition, (string, object?)[] parameters,
        CancellationToken cancellationToken) =>
        await ExecuteAsync($"UPDATE {table.Table} SET {set} WHERE team_id = $team AND id = $id" + (condition is null ? "" : $" AND ({condition})"),
            [.. parameters, ("$id", id)], cancellationToken) > 0;

    /// <summary>Runs one statement on a connection of its own, with the team bound as <c>$team</c> for its filter.</summary>
    protected async Task<TResult> RunAsync<TResult>(string sql, (string, object?)[] parameters, Func<SqliteCommand, Task<TResult>> run,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql, [.. parameters, ("$team", teamId)]);
        return await run(command);
    }

    protected SqliteConnectionFactory Connections => connections;

    protected string TeamId => teamId;

    private Task<IReadOnlyList<T>> ReadAsync(string sql, (string, object?)[] parameters, CancellationToken cancellationToken) =>
        RunAsync(sql, parameters, command => table.ReadAllAsync(command, cancellationToken), cancellationToken);

    private Task<int> ExecuteAsync(string sql, (string, object?)[] parameters, CancellationToken cancellationToken) =>
        RunAsync(sql, parameters, command => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken);

    private void EnsureOwned(T document) => TeamScope.EnsureOwned(teamId, table.TeamOf(document), table.Noun);
}
