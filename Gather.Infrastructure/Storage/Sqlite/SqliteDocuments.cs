namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>
/// One team's documents of one kind in SQLite, keyed by team and id: every statement filters on <c>team_id</c>,
/// a document of another team is refused before it is written, and a unique violation becomes the port's
/// <see cref="DuplicateDocumentException"/> with the message the table declares.
/// </summary>
internal sealed class SqliteDocuments<T>(SqliteConnectionFactory connections, string teamId, SqliteDocumentTable<T> table)
    where T : class
{
    public async Task InsertAsync(T document, CancellationToken cancellationToken)
    {
        EnsureOwned(document);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(table.Insert(document), table.Parameters(document));
        await SqliteDuplicates.TranslateAsync(() => command.ExecuteNonQueryAsync(cancellationToken), () => table.Duplicate(document));
    }

    /// <summary>Inserts the documents not stored yet; one already there (by id or a unique key) is kept as it stands.</summary>
    public async Task EnsureAsync(IEnumerable<T> documents, CancellationToken cancellationToken)
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

    /// <summary>The team's document meeting <paramref name="condition"/>, which names a unique key so at most one does.</summary>
    public async Task<T?> FindAsync(string condition, (string, object?)[] parameters, CancellationToken cancellationToken) =>
        (await ReadAsync($"SELECT {table.Columns} FROM {table.Table} WHERE team_id = $team AND ({condition})", parameters, cancellationToken))
        .SingleOrDefault();

    /// <summary>The team's documents in the table's order; at most <paramref name="limit"/>.</summary>
    public Task<IReadOnlyList<T>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadAsync($"SELECT {table.Columns} FROM {table.Table} WHERE team_id = $team ORDER BY {table.Order} LIMIT $limit",
            [("$limit", limit)], cancellationToken);
    }

    /// <summary>All the team's documents in the table's order, for kinds a team holds only a few of.</summary>
    public Task<IReadOnlyList<T>> ListAllAsync(CancellationToken cancellationToken) =>
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

    /// <summary>
    /// Applies <paramref name="set"/> to the team's document of that id if it also meets <paramref name="condition"/>
    /// (one statement, so the check and the write are atomic); true when it did.
    /// </summary>
    public async Task<bool> SetAsync(string id, string set, string? condition, (string, object?)[] parameters,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"UPDATE {table.Table} SET {set} WHERE team_id = $team AND id = $id" + (condition is null ? "" : $" AND ({condition})"),
            [.. parameters, ("$team", teamId), ("$id", id)]);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command($"DELETE FROM {table.Table} WHERE team_id = $team AND id = $id",
            ("$team", teamId), ("$id", id));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private async Task<IReadOnlyList<T>> ReadAsync(string sql, (string, object?)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.Command(sql, [.. parameters, ("$team", teamId)]);
        return await table.ReadAllAsync(command, cancellationToken);
    }

    private void EnsureOwned(T document) => TeamScope.EnsureOwned(teamId, table.TeamOf(document), table.Noun);
}
