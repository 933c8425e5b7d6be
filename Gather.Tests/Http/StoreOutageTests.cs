using System.Net;
using System.Net.Http.Json;
using Gather.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Gather.Tests.Http;

/// <summary>While the store cannot be opened, requests get 503 with a retry hint (never a 500); once it is back, everything works again by itself.</summary>
public sealed class StoreOutageTests : IDisposable
{
    private readonly GatherApiFactory _app = new(new Dictionary<string, string?> { [GatherApiFactory.SchedulerEnabled] = "false" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task An_unreachable_store_answers_503_and_recovery_needs_nothing()
    {
        var admin = _app.CreateClient(GatherApiFactory.AdminKey);
        var models = (await admin.PostGraphQLAsync("{ models { id name } }")).Data!["models"]!.AsArray();
        var customer = models.Single(m => m!["name"]!.GetValue<string>() == "Customer")!["id"]!.GetValue<string>();
        var directory = Path.GetDirectoryName(_app.DatabasePath)!;
        var aside = Directory.CreateTempSubdirectory("gather-outage-").FullName;

        // The outage: the database files move away and a directory stands where the file was.
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(directory, "gather.db*"))
            File.Move(file, Path.Combine(aside, Path.GetFileName(file)));
        Directory.CreateDirectory(_app.DatabasePath);
        using var graphQL = await admin.PostAsJsonAsync("/graphql", new { query = "{ models { id } }" });
        var graphQLBody = await graphQL.Content.ReadAsStringAsync();
        using var sync = await admin.PostAsJsonAsync($"/models/{customer}/records", new { email = "ann@acme.com" });
        using var readyDuring = await admin.GetAsync("/health/ready");

        // Back again.
        Directory.Delete(_app.DatabasePath);
        foreach (var file in Directory.GetFiles(aside))
            File.Move(file, Path.Combine(directory, Path.GetFileName(file)));
        SqliteConnection.ClearAllPools();
        var after = await admin.PostGraphQLAsync("{ models { id } }");
        using var readyAfter = await admin.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, graphQL.StatusCode);
        Assert.Contains("STORE_UNAVAILABLE", graphQLBody);
        Assert.NotNull(graphQL.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, sync.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyDuring.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.True(after.Errors is null);
        Assert.Equal(HttpStatusCode.OK, readyAfter.StatusCode);
    }
}
