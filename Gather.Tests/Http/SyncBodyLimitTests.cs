using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>
/// Body sizes at the edges of the sync limit, on Kestrel (whose own limit, 30,000,000 bytes, is
/// below Gather's 32 MiB default): a body the sync allows is read whole, one byte over answers 413,
/// with a length or chunked, and the other endpoints keep their own limits.
/// </summary>
public sealed class SyncBodyLimitTests : IDisposable
{
    private const int SyncLimit = 32 * 1024 * 1024;

    private readonly GatherApiFactory _app;
    private readonly HttpClient _http;

    public SyncBodyLimitTests()
    {
        _app = new GatherApiFactory(new Dictionary<string, string?> { [GatherApiFactory.SchedulerEnabled] = "false" });
        _app.UseKestrel(0);
        _app.StartServer();
        _http = new HttpClient { BaseAddress = _app.ClientOptions.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        _http.DefaultRequestHeaders.Add("Authorization", $"Token {GatherApiFactory.AdminKey}");
    }

    public void Dispose()
    {
        _http.Dispose();
        _app.Dispose();
    }

    /// <summary>
    /// A batch of 1,001 padded records, exactly <paramref name="bytes"/> long: valid JSON that is
    /// refused at once for its batch size (Gather:Sync:MaxBatchSize), so reading it whole is what
    /// the answer proves, at little cost.
    /// </summary>
    private static byte[] PaddedBatch(int bytes)
    {
        const int records = 1_001;
        const string head = "{\"email\":\"a@example.com\",\"pad\":\"", tail = "\"}";
        var fill = (bytes - 2 - (records - 1) - records * (head.Length + tail.Length)) / records;
        var body = new byte[bytes];
        body.AsSpan().Fill((byte)'x');
        var at = 0;
        body[at++] = (byte)'[';
        for (var i = 0; i < records; i++)
        {
            if (i > 0)
                body[at++] = (byte)',';
            at += Encoding.ASCII.GetBytes(head, body.AsSpan(at));
            // The last record takes what the division left over.
            at += i == records - 1 ? bytes - 1 - at - tail.Length : fill;
            at += Encoding.ASCII.GetBytes(tail, body.AsSpan(at));
        }
        body[at] = (byte)']';
        return body;
    }

    private async Task<string> CustomerModelAsync() =>
        JsonNode.Parse(await (await _http.PostAsync("/graphql", new StringContent("""{"query":"{ models { id name } }"}""", Encoding.UTF8, "application/json")))
            .Content.ReadAsStringAsync())!["data"]!["models"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == "Customer")!["id"]!.GetValue<string>();

    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string path, HttpContent content)
    {
        content.Headers.ContentType = new("application/json");
        using var response = await _http.PostAsync(path, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bodies_up_to_the_sync_limit_are_read_whole_even_past_kestrels_own_limit()
    {
        var customers = await CustomerModelAsync();

        var pastKestrel = await PostAsync($"/models/{customers}/records", new ByteArrayContent(PaddedBatch(31_000_000)));
        var atLimit = await PostAsync($"/models/{customers}/records", new ByteArrayContent(PaddedBatch(SyncLimit)));
        var chunkedAtLimit = await PostAsync($"/models/{customers}/records", new StreamContent(new MemoryStream(PaddedBatch(SyncLimit))));

        // Read and parsed: the batch is refused for its size (Gather:Sync:MaxBatchSize), not the body.
        foreach (var (status, body) in new[] { pastKestrel, atLimit, chunkedAtLimit })
        {
            Assert.True(status == HttpStatusCode.BadRequest, $"{(int)status} {body[..Math.Min(300, body.Length)]}");
            Assert.Contains("MaxBatchSize", body);
        }
    }

    [Fact]
    public async Task A_body_one_byte_over_the_sync_limit_answers_413_with_a_length_or_chunked()
    {
        var customers = await CustomerModelAsync();

        var withLength = await RawPostAsync($"/models/{customers}/records", PaddedBatch(SyncLimit + 1), chunked: false);
        var chunked = await RawPostAsync($"/models/{customers}/records", PaddedBatch(SyncLimit + 1), chunked: true);
        var chunkedFar = await RawPostAsync($"/models/{customers}/records", PaddedBatch(40_000_000), chunked: true);

        foreach (var (status, body) in new[] { withLength, chunked, chunkedFar })
        {
            Assert.True(status == 413, $"{status} {body[..Math.Min(300, body.Length)]}");
            Assert.Contains("Gather:Sync:MaxRequestBodyBytes", body);
        }
    }

    /// <summary>
    /// Posts over a plain socket and reads the answer while the body is still being sent: the
    /// server answers 413 as soon as the limit is passed and then closes the connection, which
    /// HttpClient reports as a failed send rather than as the response.
    /// </summary>
    private async Task<(int Status, string Body)> RawPostAsync(string path, byte[] body, bool chunked)
    {
        var address = _app.ClientOptions.BaseAddress;
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        var stream = client.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {address.Authority}\r\nAuthorization: Token {GatherApiFactory.AdminKey}\r\n"
                   + "Content-Type: application/json\r\n" + (chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {body.Length}\r\n") + "\r\n";
        var sending = Task.Run(async () =>
        {
            try
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
                foreach (var piece in body.Chunk(64 * 1024))
                {
                    if (chunked)
                        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{piece.Length:x}\r\n"));
                    await stream.WriteAsync(piece);
                    if (chunked)
                        await stream.WriteAsync("\r\n"u8.ToArray());
                }
                if (chunked)
                    await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // The server stopped reading after its answer: expected past the limit.
            }
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
                var text = Encoding.UTF8.GetString(received.ToArray());
                if (text.Contains("\r\n\r\n", StringComparison.Ordinal) && (text.TrimEnd().EndsWith('}') || text.EndsWith("0\r\n\r\n", StringComparison.Ordinal)))
                    break;
            }
        }
        catch (IOException)
        {
            // Reset after the answer was read.
        }
        client.Close();
        await sending;
        var answer = Encoding.UTF8.GetString(received.ToArray());
        var status = int.Parse(answer.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, answer);
    }

    [Fact]
    public async Task The_graphql_and_webhook_endpoints_keep_their_own_smaller_limits()
    {
        var graphQL = await PostAsync("/graphql", new StreamContent(new MemoryStream(PaddedBatch(1_048_577))));
        var graphQLAtLimit = await PostAsync("/graphql", new ByteArrayContent(PaddedBatch(1_048_576)));
        var webhook = await PostAsync("/webhooks/stripe/int_none", new StreamContent(new MemoryStream(PaddedBatch(512 * 1024 + 1))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, graphQL.Status);
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, graphQLAtLimit.Status);
        Assert.True((int)graphQLAtLimit.Status < 500, graphQLAtLimit.Body[..Math.Min(300, graphQLAtLimit.Body.Length)]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, webhook.Status);
    }
}
