using Gather.Infrastructure.Teams;
using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>Maps the <c>teams</c> table (columns id, name, created_at) to <see cref="Team"/>.</summary>
internal static class SqliteTeamRows
{
    public static Team Read(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.ReadTime(2));
}
