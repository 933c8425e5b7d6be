using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Gather.Tests.Storage;

/// <summary>
/// The work a statement does, counted without a clock: it runs to its end on an open connection
/// and SQLite reports its virtual-machine steps (<c>SQLITE_STMTSTATUS_VM_STEP</c>), which grow
/// with the rows it visits.
/// </summary>
internal static class SqliteSteps
{
    public static (int Rows, long Steps) Run(SqliteConnection connection, string statement, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(connection.Handle, statement, out sqlite3_stmt prepared));
        using (prepared)
        {
            foreach (var (name, value) in parameters)
            {
                var index = raw.sqlite3_bind_parameter_index(prepared, name);
                Assert.Equal(raw.SQLITE_OK, value switch
                {
                    string text => raw.sqlite3_bind_text(prepared, index, text),
                    long number => raw.sqlite3_bind_int64(prepared, index, number),
                    int number => raw.sqlite3_bind_int64(prepared, index, number),
                    double number => raw.sqlite3_bind_double(prepared, index, number),
                    _ => throw new NotSupportedException(value?.GetType().Name),
                });
            }
            var rows = 0;
            int rc;
            while ((rc = raw.sqlite3_step(prepared)) == raw.SQLITE_ROW)
                rows++;
            Assert.Equal(raw.SQLITE_DONE, rc);
            return (rows, raw.sqlite3_stmt_status(prepared, raw.SQLITE_STMTSTATUS_VM_STEP, 0));
        }
    }
}
