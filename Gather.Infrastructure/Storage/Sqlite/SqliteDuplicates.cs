using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>
/// The adapter's one translation of a UNIQUE or PRIMARY KEY violation into the port's
/// <see cref="DuplicateDocumentException"/>; the message says which of the document's unique constraints it is.
/// </summary>
internal static class SqliteDuplicates
{
    /// <summary>SQLite's extended result codes for a UNIQUE and a PRIMARY KEY violation.</summary>
    private const int ConstraintUnique = 2067, ConstraintPrimaryKey = 1555;

    public static async Task<T> TranslateAsync<T>(Func<Task<T>> write, Func<string> duplicate)
    {
        try
        {
            return await write();
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode is ConstraintUnique or ConstraintPrimaryKey)
        {
            throw new DuplicateDocumentException(duplicate(), e);
        }
    }
}
