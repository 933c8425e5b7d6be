using System.Globalization;
using System.Text;
using Gather.Infrastructure.Records;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>
/// Search on SQLite: an FTS5 table with the trigram tokenizer (<c>record_search</c>, kept in step
/// with the teams' records tables through a pending list, see <see cref="SqliteSearchPending"/> and
/// <see cref="SqliteSearchIndexer"/>) finds the candidate rows, with the rows still pending,
/// and the exact <c>instr</c> test over the folded columns decides, so results are those of a
/// plain substring test in every case (short terms, NUL and control characters, Unicode folding).
/// <para>
/// The index holds the already folded text (<see cref="SearchText.Fold"/>) with
/// <c>case_sensitive 1</c>: FTS5's own folding differs from .NET's, so it must not fold again.
/// A term is asked of the index in pieces split at NUL (FTS5's query text ends at a NUL); pieces of
/// fewer than three characters cannot be asked (a trigram index has nothing shorter). A search none
/// of whose pieces can be asked reads the model's rows, as before.
/// </para>
/// <para>
/// Teams never share work: the index's rowid is the row's scope (one per team and model, in
/// <c>search_scopes</c>) in the high bits and the row id in its team's table in the low
/// <see cref="RowBits"/> bits, and every query asks for its own scope's rowid range only. FTS5 seeks each trigram's
/// list to the start of that range and stops at its end, so another team's (or model's) common
/// term adds nothing to the rows read. A leading scope token in the text would not do this: the
/// term's list would still be read across every team and intersected afterwards.
/// </para>
/// </summary>
internal static class SqliteSearchSql
{
    /// <summary>
    /// Bits of the index rowid holding the row id in the team's table (up to 68.7 billion rows ever
    /// written per team); the rest hold the scope (up to 134 million models ever searched).
    /// </summary>
    public const int RowBits = 36;

    public const long RowMask = (1L << RowBits) - 1;

    /// <summary>
    /// The condition that keeps the rows the index names as candidates for <paramref name="terms"/>,
    /// or null when no piece of any term can be asked of the index.
    /// </summary>
    public static string? Candidates(SqliteRecordSql sql, string table, string teamId, string modelId, IReadOnlyList<string> terms)
    {
        var match = Match(terms);
        if (match is null)
            return null;
        var scope = $"FROM search_scopes WHERE team_id = {sql.Bind(teamId)} AND model_id = {sql.Bind(modelId)}";
        var mask = RowMask.ToString(CultureInfo.InvariantCulture);
        return $"{table}.rowid IN (SELECT rowid & {mask} FROM record_search WHERE record_search MATCH {sql.Bind(match)} " +
               $"AND rowid BETWEEN (SELECT id << {RowBits} {scope}) AND (SELECT (id << {RowBits}) | {mask} {scope}) " +
               $"UNION ALL SELECT row FROM search_pending WHERE scope_id = (SELECT id {scope}))";
    }

    /// <summary>
    /// One batch of the index's catch-up for one team, in one write transaction: its oldest-scoped
    /// pending rows lose their entry and get their current text's (none when the record is gone or, its rowid
    /// reused, now sits in another scope), then leave the pending list.
    /// </summary>
    public static string CatchUp(string teamId)
    {
        var pending = $"SELECT scope_id, row FROM search_pending WHERE scope_id IN (SELECT id FROM search_scopes WHERE team_id = $team) " +
                      "ORDER BY scope_id, row LIMIT $batch";
        return $"""
            DELETE FROM record_search WHERE rowid IN (SELECT (scope_id << {RowBits}) | row FROM ({pending}));
            INSERT INTO record_search (rowid, search, linked_search)
                SELECT (p.scope_id << {RowBits}) | r.rowid, r.search, r.linked_search
                FROM ({pending}) AS p
                JOIN {SqliteRecordTable.For(teamId)} AS r ON r.rowid = p.row
                JOIN search_scopes AS s ON s.id = p.scope_id AND s.team_id = r.team_id AND s.model_id = r.model_id;
            DELETE FROM search_pending WHERE (scope_id, row) IN ({pending});
            """;
    }

    /// <summary>The team with the oldest-scoped pending rows, whose rows the next batch takes in; none when nothing is pending.</summary>
    public const string NextTeam =
        "SELECT s.team_id FROM search_pending AS p JOIN search_scopes AS s ON s.id = p.scope_id ORDER BY p.scope_id, p.row LIMIT 1";

    /// <summary>The FTS5 query: every askable piece as a quoted phrase (quotes doubled), all required.</summary>
    public static string? Match(IReadOnlyList<string> terms)
    {
        var phrases = terms
            .SelectMany(t => t.Split('\0'))
            .Where(piece => SearchGrams.Characters(piece) >= SearchGrams.Length)
            .Distinct(StringComparer.Ordinal)
            .Select(piece => "\"" + piece.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")
            .ToList();
        return phrases.Count == 0 ? null : string.Join(" AND ", phrases);
    }
}
