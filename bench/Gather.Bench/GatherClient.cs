using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Gather.Bench;

/// <summary>What a backend or frontend does over HTTP: GraphQL requests and the REST sync call.</summary>
public sealed class GatherClient(Uri address, string apiKey) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 16 })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromMinutes(5),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Token", apiKey) },
    };

    /// <summary>The store round trips the last GraphQL request made, from the server's <c>Gather-Store-Round-Trips</c> header.</summary>
    public int LastRoundTrips { get; private set; }

    /// <summary>Runs a GraphQL request and returns its <c>data</c>; any error fails the benchmark.</summary>
    public async Task<JsonNode> GraphQLAsync(string query, JsonObject? variables = null)
    {
        var body = new JsonObject { ["query"] = query, ["variables"] = variables?.DeepClone() ?? new JsonObject() };
        using var response = await _http.PostAsync("/graphql", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        var result = JsonNode.Parse(text)!;
        LastRoundTrips = response.Headers.TryGetValues("Gather-Store-Round-Trips", out var trips) ? int.Parse(trips.Single()) : -1;
        if (!response.IsSuccessStatusCode || result["errors"] is not null)
            throw new InvalidOperationException($"GraphQL failed ({(int)response.StatusCode}): {text}");
        return result["data"]!;
    }

    /// <summary>
    /// A GraphQL request body serialized once, so timing <see cref="SendAsync"/> measures what a
    /// client waits for (the server's work and the transfer), not the client's own JSON work.
    /// </summary>
    public static byte[] GraphQLBody(string query, JsonObject? variables = null) => Encoding.UTF8.GetBytes(
        new JsonObject { ["query"] = query, ["variables"] = variables?.DeepClone() ?? new JsonObject() }.ToJsonString());

    /// <summary>Posts a prepared GraphQL body and reads the whole response without parsing it; a non-2xx answer fails the benchmark.</summary>
    public async Task SendAsync(byte[] graphQLBody)
    {
        using var content = new ByteArrayContent(graphQLBody);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync("/graphql", content);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GraphQL failed ({(int)response.StatusCode}): {Encoding.UTF8.GetString(bytes)}");
    }

    /// <summary>A GET read whole without parsing (a health probe), for the cost of an HTTP round trip alone; a non-2xx answer fails the benchmark.</summary>
    public async Task GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {path} failed ({(int)response.StatusCode}): {Encoding.UTF8.GetString(bytes)}");
    }

    /// <summary>Creates a custom model and returns its id.</summary>
    public async Task<string> CreateModelAsync(string name, string idField)
    {
        var data = await GraphQLAsync(
            "mutation($input: CreateModelInput!) { createModel(input: $input) { model { id } errors { message } } }",
            new JsonObject { ["input"] = new JsonObject { ["name"] = name, ["idField"] = idField } });
        return data["createModel"]!["model"]?["id"]?.GetValue<string>()
               ?? throw new InvalidOperationException($"createModel failed: {data.ToJsonString()}");
    }

    /// <summary>The documented sync call with a JSON array body (already serialized, so the client's cost is not measured).</summary>
    public async Task SyncAsync(string modelId, byte[] jsonArray)
    {
        using var content = new ByteArrayContent(jsonArray);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync($"/models/{modelId}/records", content);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Sync failed ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync()}");
        // Drain the per-record report as a real client would.
        await response.Content.ReadAsByteArrayAsync();
    }

    public void Dispose() => _http.Dispose();
}
