using System.Security.Cryptography;
using System.Text;

namespace Gather.Infrastructure.Storage;

/// <summary>
/// Each team's records are kept apart from every other team's, in both stores: a table of the
/// team's own on SQLite (<see cref="Sqlite.SqliteRecordTable"/>), a collection of its own on
/// MongoDB. A store keeps every index of a table or collection up to date on each write to it,
/// partial indexes included (it still tests their condition), and MongoDB allows 64 indexes per
/// collection: with one for all teams, a team's writes slowed down with every other team's field
/// indexes, and a few teams' indexes used up every other team's room for theirs.
/// <para>
/// The name is a digest of the team id, so it needs no lookup and is a safe identifier whatever
/// the id holds. The records keep their team id, and every statement and filter still names it.
/// </para>
/// </summary>
internal static class TeamRecords
{
    /// <summary>What every team's table or collection name starts with, and nothing else's (SQLite's search index is <c>record_search</c>).</summary>
    public const string Prefix = "records_";

    public static string NameFor(string teamId) =>
        Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(teamId)))[..20];
}
