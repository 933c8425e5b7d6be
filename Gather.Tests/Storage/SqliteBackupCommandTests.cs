using System.Net;
using System.Text;
using Gather.Api.Hosting;
using Gather.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gather.Tests.Storage;

/// <summary>
/// <c>backup &lt;file&gt;</c> and <c>restore &lt;file&gt;</c> on the SQLite store: a backup taken while the
/// server runs restores the records as they were, and the key ring comes back with them.
/// </summary>
public sealed class SqliteBackupCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gather-backup-test-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string DatabasePath => Path.Combine(_directory, "gather.db");

    private (int Code, string Output, string Errors) Command(params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gather:Storage:Provider"] = "Sqlite",
            ["Gather:Storage:Sqlite:Path"] = DatabasePath,
        }).Build();
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = StoreBackupCommand.Run(configuration, args, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task A_backup_taken_while_the_server_runs_restores_the_records_and_keys_as_they_were()
    {
        var backup = Path.Combine(Directory.CreateTempSubdirectory("gather-backups-").FullName, "gather-backup.db");
        string modelId, protectedSecret;
        (int Code, string Output, string Errors) backedUp;
        using (var running = new GatherApiFactory(directory: _directory))
        {
            var admin = running.CreateClient(GatherApiFactory.AdminKey);
            modelId = (await admin.PostGraphQLAsync("""mutation { createModel(input: { name: "Orders", idField: "id" }) { model { id } } }"""))
                .Data!["createModel"]!["model"]!["id"]!.GetValue<string>();
            await SyncAsync(admin, modelId, """[{"id":"1","amount":10},{"id":"2","amount":20}]""");
            // What a Stripe secret is encrypted with: the key ring beside the database.
            protectedSecret = running.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("backup-test").Protect("sk_test_secret");

            backedUp = Command("backup", backup);

            // Changes after the backup: an update, a new record, a deletion.
            await SyncAsync(admin, modelId, """[{"id":"1","amount":99},{"id":"3","amount":30}]""");
            await admin.PostGraphQLAsync("mutation($m: ID!) { deleteRecords(input: { modelId: $m, ids: [\"2\"] }) { deletedIds } }", new { m = modelId });
            Assert.Equal("1:99,3:30", await ReadRecordsAsync(admin, modelId));
        }
        // As if the machine were lost: the key ring goes too.
        Directory.Delete(Path.Combine(_directory, "gather-keys"), recursive: true);

        var restored = Command("restore", backup);

        using var afterRestore = new GatherApiFactory(directory: _directory);
        var client = afterRestore.CreateClient(GatherApiFactory.AdminKey);
        Assert.Equal(0, backedUp.Code);
        Assert.Contains("(2 records)", backedUp.Output);
        Assert.Contains("key ring (1 keys)", backedUp.Output);
        Assert.Equal(0, restored.Code);
        Assert.Equal("1:10,2:20", await ReadRecordsAsync(client, modelId));
        Assert.Equal("sk_test_secret", afterRestore.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("backup-test").Unprotect(protectedSecret));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup));
    }

    [Fact]
    public void A_backup_never_overwrites_and_a_restore_takes_only_a_Gather_backup()
    {
        using (var server = new GatherApiFactory(directory: _directory))
            server.CreateClient();
        var existing = Path.Combine(_directory, "existing.db");
        File.WriteAllText(existing, "not a database");

        var overwrite = Command("backup", existing);
        var notABackup = Command("restore", existing);
        var noFile = Command("backup");

        Assert.Equal(1, overwrite.Code);
        Assert.Contains("exists already", overwrite.Errors);
        Assert.Equal("not a database", File.ReadAllText(existing));
        Assert.Equal(1, notABackup.Code);
        Assert.Contains("nothing was restored", notABackup.Errors);
        Assert.Equal(2, noFile.Code);
        Assert.Contains("backup <file>", noFile.Errors);
    }

    private static async Task SyncAsync(HttpClient client, string modelId, string records)
    {
        using var response = await client.PostAsync($"/models/{modelId}/records", new StringContent(records, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<string> ReadRecordsAsync(HttpClient client, string modelId)
    {
        var page = await client.PostGraphQLAsync("""query($m: ID!) { records(modelId: $m, order: [{ field: "id" }]) { nodes { id fields } } }""", new { m = modelId });
        return string.Join(",", page.Data!["records"]!["nodes"]!.AsArray().Select(n => $"{n!["id"]}:{n["fields"]!["amount"]}"));
    }
}
