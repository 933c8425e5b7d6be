using Microsoft.Data.Sqlite;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage;

/// <summary>
/// Tells "the database cannot be reached or used right now" from other failures, so callers can
/// answer 503 with a retry hint instead of a bare 500: SQLite's cannot-open, busy, locked, I/O and
/// full errors; MongoDB's connection, timeout and no-primary errors; a sync whose retry budget
/// ran out under contention.
/// </summary>
public static class StoreUnavailable
{
    public static bool Is(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case StoreContendedException:
                case SqliteException sqlite when (sqlite.SqliteErrorCode & 0xFF) is 5 or 6 or 10 or 13 or 14:
                case MongoConnectionException or MongoExecutionTimeoutException or MongoNotPrimaryException or MongoNodeIsRecoveringException:
                case TimeoutException when e.Source?.StartsWith("MongoDB", StringComparison.Ordinal) == true:
                    return true;
            }
        }
        return false;
    }
}
