using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Storage.Sqlite;

namespace Gather.Api.Hosting;

/// <summary>
/// <c>dotnet run --project Gather.Api -- backup &lt;file&gt;</c> and <c>-- restore &lt;file&gt;</c>: the
/// SQLite store's backup and restore, run instead of the server, with the server's configuration
/// (so <c>Gather:Storage:Sqlite:Path</c> names the database, as it does for the server).
/// </summary>
public static class StoreBackupCommand
{
    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] is "backup" or "restore";

    /// <summary>Runs the command; the exit code is 0 when it did what was asked, 1 when it could not, 2 for a wrong command line.</summary>
    public static int Run(IConfiguration configuration, string[] args, TextWriter output, TextWriter errors)
    {
        if (args.Length < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
        {
            errors.WriteLine($"Name the backup file: dotnet run --project Gather.Api -- {args[0]} <file>");
            return 2;
        }
        var provider = configuration.GetValue<StorageProvider?>("Gather:Storage:Provider") ?? StorageProvider.Sqlite;
        if (provider != StorageProvider.Sqlite)
        {
            errors.WriteLine("This store is MongoDB: back it up with mongodump and restore it with mongorestore (docs/operations/backups.md). "
                             + "The key ring is in its dataProtectionKeys collection, which a dump of the database includes.");
            return 2;
        }
        var database = configuration.GetValue<string>($"{SqliteOptions.Section}:Path") ?? new SqliteOptions().Path;
        var file = args[1];
        try
        {
            if (args[0] == "backup")
            {
                var result = SqliteBackup.Backup(database, file);
                output.WriteLine($"Backed up {Path.GetFullPath(database)} ({result.Records} records) to {Path.GetFullPath(file)}.");
                output.WriteLine(result.KeyFiles > 0
                    ? $"Copied the key ring ({result.KeyFiles} keys) to {SqliteBackup.KeysBesideBackup(file)}: keep it with the backup, it decrypts the Stripe secrets in it."
                    : $"No key ring was found at {SqliteBackup.KeyRingOf(database)}; if the server keeps its keys elsewhere, back them up too.");
            }
            else
            {
                var result = SqliteBackup.Restore(file, database);
                output.WriteLine($"Restored {Path.GetFullPath(file)} into {Path.GetFullPath(database)} ({result.Records} records). Start the server now.");
                if (result.KeyFiles == 0)
                    output.WriteLine($"No key ring was found at {SqliteBackup.KeysBesideBackup(file)}: put the backed-up keys in {SqliteBackup.KeyRingOf(database)}, "
                                     + "or reconnect Stripe, since its secret cannot be decrypted without them.");
            }
            return 0;
        }
        catch (SqliteBackupException e)
        {
            errors.WriteLine(e.Message);
            return 1;
        }
    }
}
