using System.Text.RegularExpressions;

namespace Gather.Tests.Storage;

/// <summary>
/// Each team's records sit in a table named from a digest of its id (SqliteRecordTable). Query
/// plans in snapshots show it as <c>team_records</c>, so they do not change with the test's team id.
/// </summary>
internal static partial class TeamRecordTables
{
    public static string Readable(string plan) => TableName().Replace(plan, "team_records");

    [GeneratedRegex("records_[0-9a-f]{20}")]
    private static partial Regex TableName();
}
