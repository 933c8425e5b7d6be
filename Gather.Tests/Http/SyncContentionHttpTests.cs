using System.Net;
using System.Net.Http.Json;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Storage;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>
/// A sync that ran out of retries under contention (MongoDB's optimistic writes) answers 503
/// with <c>Retry-After</c>, like an unreachable store, never a 500: the request was fine and can
/// be sent again. The store here is the real SQLite one whose record sync reports contention.
/// </summary>
public sealed class SyncContentionHttpTests : IDisposable
{
    private readonly GatherApiFactory _app = new(new Dictionary<string, string?> { [GatherApiFactory.SchedulerEnabled] = "false" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_sync_that_cannot_converge_answers_503_with_retry_after()
    {
        using var app = _app.WithWebHostBuilder(b => InterceptedStore.Install(b, (method, _, _) =>
            method.Name == nameof(IRecordStore.SyncAsync) && method.DeclaringType == typeof(IRecordStore)
                ? Task.FromException<IReadOnlyList<RecordOutcome>>(new StoreContendedException("Other writers kept changing these records."))
                : null));
        using var admin = app.CreateClient();
        admin.DefaultRequestHeaders.Add("Authorization", $"Token {GatherApiFactory.AdminKey}");
        var models = (await admin.PostGraphQLAsync("{ models { id name } }")).Data!["models"]!.AsArray();
        var customer = models.Single(m => m!["name"]!.GetValue<string>() == "Customer")!["id"]!.GetValue<string>();

        using var sync = await admin.PostAsJsonAsync($"/models/{customer}/records", new { email = "ann@acme.com" });
        var body = await sync.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, sync.StatusCode);
        Assert.NotNull(sync.Headers.RetryAfter);
        Assert.Contains("STORE_UNAVAILABLE", body);
    }
}
