using System.Net.Http.Json;
using Gather.Infrastructure.Security;
using Gather.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Gather.Tests.Storage;

/// <summary>
/// The SQLite database, its -wal and -shm files and the Data Protection key ring are readable
/// by their owner only (0600 files, a 0700 key directory): created so, and tightened at start-up
/// where an earlier version left them readable.
/// </summary>
public sealed class PrivateFilesTests
{
    private static readonly Dictionary<string, string?> Settings = new() { [GatherApiFactory.SchedulerEnabled] = "false" };

    private static UnixFileMode ModeOf(string path) => OperatingSystem.IsWindows() ? 0 : File.GetUnixFileMode(path);

    private static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, mode);
    }

    /// <summary>Writes a record (so the WAL exists) and encrypts a value (so the key ring exists).</summary>
    private static async Task UseAsync(GatherApiFactory app)
    {
        var admin = app.CreateClient(GatherApiFactory.AdminKey);
        var customer = (await admin.PostGraphQLAsync("{ models { id name } }")).Data!["models"]!.AsArray()
            .Single(m => m!["name"]!.GetValue<string>() == "Customer")!["id"]!.GetValue<string>();
        (await admin.PostAsJsonAsync($"/models/{customer}/records", new { email = "ann@acme.com" })).EnsureSuccessStatusCode();
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("a Stripe secret");
    }

    private static Dictionary<string, UnixFileMode> Modes(string directory) =>
        Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(directory, p), ModeOf);

    [SkippableFact]
    public async Task A_new_store_and_key_ring_are_created_owner_only()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes only.");
        using var app = new GatherApiFactory(Settings);

        await UseAsync(app);
        // SQLite deletes the WAL when the last connection closes, and another test's clean-up may
        // close every pooled one at any moment: a reader of our own keeps the WAL there to look at.
        await using var reader = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        await reader.OpenAsync();
        await using (var read = reader.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM models";
            await read.ExecuteScalarAsync();
        }
        var modes = Modes(Path.GetDirectoryName(app.DatabasePath)!);

        Assert.Contains("gather.db-wal", modes.Keys);
        Assert.Contains("gather.db-shm", modes.Keys);
        Assert.Contains(modes.Keys, p => p.StartsWith("gather-keys" + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        Assert.All(modes, entry => Assert.Equal(entry.Key == "gather-keys" ? PrivateFiles.DirectoryMode : PrivateFiles.FileMode, entry.Value));
    }

    [SkippableFact]
    public async Task Files_an_earlier_version_left_readable_are_tightened_at_start_up()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes only.");
        var directory = Directory.CreateTempSubdirectory("gather-modes-").FullName;
        try
        {
            using (var first = new GatherApiFactory(Settings, directory))
                await UseAsync(first);
            SqliteConnection.ClearAllPools();
            const UnixFileMode readable = PrivateFiles.FileMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
            foreach (var (path, _) in Modes(directory))
                SetMode(Path.Combine(directory, path), path == "gather-keys" ? PrivateFiles.DirectoryMode | UnixFileMode.OtherRead | UnixFileMode.OtherExecute : readable);
            Assert.Contains(Modes(directory).Values, m => m.HasFlag(UnixFileMode.OtherRead));

            using (var second = new GatherApiFactory(Settings, directory))
                await UseAsync(second);

            Assert.All(Modes(directory), entry => Assert.Equal(entry.Key == "gather-keys" ? PrivateFiles.DirectoryMode : PrivateFiles.FileMode, entry.Value));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }
}
