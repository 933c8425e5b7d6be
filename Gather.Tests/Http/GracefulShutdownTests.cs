using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>Stopping the server lets a sync already under way finish and store its records.</summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task A_sync_in_flight_when_the_server_stops_completes_and_its_records_are_stored()
    {
        var directory = Directory.CreateTempSubdirectory("gather-shutdown-").FullName;
        try
        {
            var settings = new Dictionary<string, string?> { [GatherApiFactory.SchedulerEnabled] = "false" };
            var app = new GatherApiFactory(settings, directory);
            app.UseKestrel(0);
            app.StartServer();
            using var http = new HttpClient { BaseAddress = app.ClientOptions.BaseAddress };
            http.DefaultRequestHeaders.Add("Authorization", $"Token {GatherApiFactory.AdminKey}");
            var models = JsonNode.Parse(await (await http.PostAsync("/graphql", new StringContent("""{"query":"{ models { id name } }"}""", Encoding.UTF8, "application/json")))
                .Content.ReadAsStringAsync())!["data"]!["models"]!.AsArray();
            var customer = models.Single(m => m!["name"]!.GetValue<string>() == "Customer")!["id"]!.GetValue<string>();

            // The body arrives in two halves; the server is told to stop between them.
            var records = new JsonArray(Enumerable.Range(0, 500).Select(i => (JsonNode)new JsonObject { ["email"] = $"c{i}@example.com" }).ToArray());
            var body = Encoding.UTF8.GetBytes(records.ToJsonString());
            var released = new TaskCompletionSource();
            var sync = http.PostAsync($"/models/{customer}/records", new GatedContent(body[..(body.Length / 2)], body[(body.Length / 2)..], released.Task));
            await Task.Delay(300);
            var stopping = Task.Run(app.Dispose);
            await Task.Delay(300);
            released.SetResult();
            using var response = await sync;
            await stopping;

            using var reopened = new GatherApiFactory(settings, directory);
            var count = await reopened.CreateClient(GatherApiFactory.AdminKey).PostGraphQLAsync(
                "query($m: ID!) { records(modelId: $m, first: 1) { totalCount } }", new { m = customer });

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(500, count.Data!["records"]!["totalCount"]!.GetValue<int>());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    private sealed class GatedContent : HttpContent
    {
        private readonly byte[] _first, _rest;
        private readonly Task _gate;

        public GatedContent(byte[] first, byte[] rest, Task gate)
        {
            (_first, _rest, _gate) = (first, rest, gate);
            Headers.ContentType = new("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(_first);
            await stream.FlushAsync();
            await _gate;
            await stream.WriteAsync(_rest);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _first.Length + _rest.Length;
            return true;
        }
    }
}
