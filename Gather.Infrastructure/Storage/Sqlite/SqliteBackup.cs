using Gather.Infrastructure.Security;
using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>What a backup or restore did, for the operator.</summary>
public sealed record SqliteBackupResult(long Records, int KeyFiles);

/// <summary>
/// Backs up and restores the SQLite store with SQLite's online backup API, which copies a
/// consistent snapshot page by page while a running server keeps reading and writing. The Data
/// Protection key ring beside the database (<c>gather-keys/</c>) travels with it in
/// <c>&lt;backup&gt;.keys/</c>: without it, the Stripe secrets in the backup cannot be decrypted.
/// </summary>
public static class SqliteBackup
{
    public const string KeyRingDirectoryName = "gather-keys";

    public static string KeyRingOf(string databasePath) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, KeyRingDirectoryName);

    public static string KeysBesideBackup(string backupPath) => Path.GetFullPath(backupPath) + ".keys";

    /// <summary>Copies the database at <paramref name="databasePath"/> to a new file at <paramref name="backupPath"/>, and its key ring beside it.</summary>
    public static SqliteBackupResult Backup(string databasePath, string backupPath)
    {
        if (!File.Exists(databasePath))
            throw new SqliteBackupException($"There is no database at '{Path.GetFullPath(databasePath)}' (Gather:Storage:Sqlite:Path) to back up.");
        if (File.Exists(backupPath) || Directory.Exists(KeysBesideBackup(backupPath)))
            throw new SqliteBackupException($"'{Path.GetFullPath(backupPath)}' (or its .keys folder) exists already; name a new file, so no backup is overwritten.");
        // Owner-only before the first byte is written: a backup holds what the database holds.
        PrivateFiles.CreateOrTighten(backupPath);
        using (var source = Open(databasePath, SqliteOpenMode.ReadWrite))
        using (var target = Open(backupPath, SqliteOpenMode.ReadWrite))
            source.BackupDatabase(target);
        var records = CountRecords(backupPath);
        var keys = CopyKeys(KeyRingOf(databasePath), KeysBesideBackup(backupPath));
        return new(records, keys);
    }

    /// <summary>
    /// Replaces the database at <paramref name="databasePath"/> with the backup's contents, and
    /// adds the backup's keys to the key ring (keys are never removed: newer secrets may need them).
    /// Stop the server first: a running one would keep serving what it cached from the old data.
    /// </summary>
    public static SqliteBackupResult Restore(string backupPath, string databasePath)
    {
        if (!File.Exists(backupPath))
            throw new SqliteBackupException($"There is no backup at '{Path.GetFullPath(backupPath)}'.");
        CheckIsGatherBackup(backupPath);
        PrivateFiles.CreateOrTighten(databasePath);
        using (var source = Open(backupPath, SqliteOpenMode.ReadOnly))
        using (var target = Open(databasePath, SqliteOpenMode.ReadWrite))
            source.BackupDatabase(target);
        var keys = CopyKeys(KeysBesideBackup(backupPath), KeyRingOf(databasePath));
        return new(CountRecords(databasePath), keys);
    }

    private static void CheckIsGatherBackup(string backupPath)
    {
        try
        {
            using var connection = Open(backupPath, SqliteOpenMode.ReadOnly);
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA quick_check";
            var verdict = check.ExecuteScalar() as string;
            // Tables every version of the schema has (records moved to a table per team).
            check.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('teams', 'models', 'model_field_stats')";
            if (verdict != "ok" || Convert.ToInt64(check.ExecuteScalar()) != 3)
                throw new SqliteBackupException($"'{Path.GetFullPath(backupPath)}' is not a Gather backup (or is damaged: {verdict}); nothing was restored.");
        }
        catch (SqliteException e)
        {
            throw new SqliteBackupException($"'{Path.GetFullPath(backupPath)}' is not a readable SQLite database ({e.Message}); nothing was restored.");
        }
    }

    private static long CountRecords(string path)
    {
        using var connection = Open(path, SqliteOpenMode.ReadOnly);
        using var command = connection.CreateCommand();
        // The shared table of older versions, or the teams' own (SqliteRecordTable).
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND (name = 'records' OR substr(name, 1, length($prefix)) = $prefix)";
        command.Parameters.AddWithValue("$prefix", TeamRecords.Prefix);
        var tables = new List<string>();
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                tables.Add(reader.GetString(0));
        var count = 0L;
        foreach (var table in tables.Where(t => t.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')))
        {
            using var rows = connection.CreateCommand();
            rows.CommandText = $"SELECT count(*) FROM {table}";
            count += Convert.ToInt64(rows.ExecuteScalar());
        }
        return count;
    }

    /// <summary>Copies the key files missing from <paramref name="to"/>; returns how many keys <paramref name="to"/> now shares with <paramref name="from"/>.</summary>
    private static int CopyKeys(string from, string to)
    {
        if (!Directory.Exists(from))
            return 0;
        PrivateFiles.CreateOrTightenDirectory(to);
        var copied = 0;
        foreach (var key in Directory.EnumerateFiles(from, "*.xml"))
        {
            var target = Path.Combine(to, Path.GetFileName(key));
            if (!File.Exists(target))
            {
                PrivateFiles.CreateOrTighten(target);
                File.Copy(key, target, overwrite: true);
            }
            copied++;
        }
        return copied;
    }

    // Unpooled: the restored file must not be served to a pooled connection opened before it changed.
    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Mode = mode, Pooling = false }.ToString());
        connection.Open();
        // A backup of a running server, or a restore just after one stopped, can meet its brief
        // locks (a write; the checkpoint as its last connection closes): wait for them, as the
        // server's own connections do, rather than fail with "database is locked".
        using var wait = connection.CreateCommand();
        wait.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}";
        wait.ExecuteNonQuery();
        return connection;
    }

    private const int BusyTimeoutMilliseconds = 10_000;
}

/// <summary>A backup or restore that cannot be done; the message says why and what to do.</summary>
public sealed class SqliteBackupException(string message) : Exception(message);
