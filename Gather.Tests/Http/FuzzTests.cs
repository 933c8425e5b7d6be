using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>
/// Thousands of generated bad requests (seeded, so a failure reproduces): random bytes, broken
/// and deeply nested documents, wrong argument and variable types, operator injection such as
/// <c>$where</c>/<c>$regex</c>, huge strings, bad sync payloads and webhook garbage. Every answer
/// must be a 4xx or a GraphQL error, never a 5xx, and nothing stored may change.
/// </summary>
public sealed class FuzzTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private const int Seed = 20261123, Documents = 1_500, SyncPayloads = 600, Webhooks = 150;

    // Thousands of requests in seconds from one key: rate limits would answer most of them.
    private readonly GatherApiFactory _app = new(new Dictionary<string, string?>
    {
        [GatherApiFactory.SchedulerEnabled] = "false", ["Gather:RateLimits:Enabled"] = "false",
    });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Generated_bad_requests_get_4xx_or_graphql_errors_and_change_nothing()
    {
        var admin = _app.CreateClient(GatherApiFactory.AdminKey);
        var orders = (await admin.PostGraphQLAsync("""mutation { createModel(input: { name: "Orders", idField: "id" }) { model { id } } }"""))
            .Data!["createModel"]!["model"]!["id"]!.GetValue<string>();
        (await admin.PostAsJsonAsync($"/models/{orders}/records", new object[]
        {
            new { id = "1", amount = 75, status = "paid", tags = new[] { "a" } }, new { id = "2", amount = 20, status = "open", address = new { city = "Oslo" } },
        })).EnsureSuccessStatusCode();
        var before = await StateAsync(admin, orders);
        var random = new Random(Seed);
        var failures = new List<string>();
        var counts = new Dictionary<string, int>();

        for (var i = 0; i < Documents; i++)
        {
            var (query, variables) = Document(random, orders);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql");
            request.Content = random.Next(10) == 0
                ? new ByteArrayContent(RandomBytes(random, random.Next(0, 300)))
                : new StringContent(new JsonObject { ["query"] = query, ["variables"] = variables }.ToJsonString(), Encoding.UTF8, "application/json");
            if (request.Content.Headers.ContentType is null)
                request.Content.Headers.ContentType = new("application/json");
            await SendAsync(admin, request, $"graphql #{i}: {Shorten(query)}", failures, counts);
        }
        for (var i = 0; i < SyncPayloads; i++)
        {
            var (body, contentType) = SyncPayload(random);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/models/{(random.Next(8) == 0 ? "model_nope" : orders)}/records")
            {
                Content = new ByteArrayContent(body),
            };
            request.Content.Headers.ContentType = new(contentType);
            await SendAsync(admin, request, $"sync #{i}: {Shorten(Encoding.UTF8.GetString(body))}", failures, counts);
        }
        for (var i = 0; i < Webhooks; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/stripe/{(random.Next(2) == 0 ? "int_" + random.Next() : "x")}")
            {
                Content = new ByteArrayContent(RandomBytes(random, random.Next(0, 500))),
            };
            if (random.Next(2) == 0)
                request.Headers.TryAddWithoutValidation("Stripe-Signature", $"t={random.Next()},v1={Convert.ToHexString(RandomBytes(random, 32))}");
            await SendAsync(_app.CreateClient(), request, $"webhook #{i}", failures, counts);
        }

        output.WriteLine(string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key}: {c.Value}")));
        Assert.Empty(failures);
        Assert.Equal(before, await StateAsync(admin, orders));
        Assert.Equal(Documents + SyncPayloads + Webhooks, counts.Values.Sum());
        // Most reach the server's own checks: GraphQL errors (200/400) and the sync's 400/413/415.
        Assert.True(counts.GetValueOrDefault("401") == 0, "Every request was authenticated (webhooks need none).");
    }

    private static async Task SendAsync(HttpClient client, HttpRequestMessage request, string what, List<string> failures, Dictionary<string, int> counts)
    {
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        counts[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = counts.GetValueOrDefault(status.ToString(System.Globalization.CultureInfo.InvariantCulture)) + 1;
        if (status >= 500)
            failures.Add($"{status} for {what}: {Shorten(await response.Content.ReadAsStringAsync())}");
        else if (status == 200 && response.Content.Headers.ContentType?.MediaType?.Contains("json") == true && request.RequestUri!.AbsolutePath == "/graphql")
        {
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
            if (body?["errors"] is JsonArray errors && errors.Any(e => e?["extensions"]?["code"]?.GetValue<string>() is "INTERNAL_SERVER_ERROR" or "UNHANDLED" or "INTERNAL_ERROR"))
                failures.Add($"internal error for {what}: {Shorten(errors.ToJsonString())}");
        }
    }

    /// <summary>What must not change: every record of the model, the models, relationships and views.</summary>
    private static async Task<string> StateAsync(HttpClient admin, string orders) =>
        (await admin.PostGraphQLAsync("""
            query($m: ID!) { records(modelId: $m, first: 1000) { nodes { id fields updatedAt } } models { id name idField } relationships { id name } views { id name } }
            """, new { m = orders })).Body.ToJsonString();

    private static (string Query, JsonNode? Variables) Document(Random random, string orders)
    {
        string[] injections = ["$where", "$regex", "data.$where", "__proto__", "a.b.c.d.e.f.g.h.i", "amount'); DROP TABLE records;--", "\u0000", "ü\u200b", ""];
        string[] operators = ["eq", "neq", "gt", "lt", "in", "nin", "contains", "startsWith", "exists", "$gt", "regex"];
        string Pick(IReadOnlyList<string> items) => items[random.Next(items.Count)];
        string Scalar() => random.Next(6) switch
        {
            0 => random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            1 => "\"" + Pick(injections).Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
            2 => "null",
            3 => "[1, \"x\", null, {a: 1}]",
            4 => "{ $where: 1 }",
            _ => new string('9', random.Next(1, 400)),
        };
        switch (random.Next(12))
        {
            case 0:
                return (Encoding.UTF8.GetString(RandomBytes(random, random.Next(1, 200))), null);
            case 1:
                var depth = random.Next(10, 2_000);
                return (new string('{', depth) + "a" + new string('}', depth), null);
            case 2:
                return ($$"""{ records(modelId: "{{orders}}", where: { field: "{{Pick(injections)}}", {{Pick(operators)}}: {{Scalar()}} }) { nodes { id } } }""", null);
            case 3:
                return ($$"""{ records(modelId: "{{orders}}", order: [{ field: "{{Pick(injections)}}", direction: {{(random.Next(2) == 0 ? "DESC" : "SIDEWAYS")}} }], first: {{Scalar()}}) { nodes { id } } }""", null);
            case 4:
                return ("""query($m: ID!, $w: RecordFilterInput, $n: Int) { records(modelId: $m, where: $w, first: $n) { nodes { id } } }""",
                    new JsonObject { ["m"] = random.Next(3) == 0 ? 5 : orders, ["w"] = JsonNode.Parse($$"""{"field":"amount","{{Pick(operators)}}":{{(random.Next(2) == 0 ? "\"x\"" : "[1,2]")}}}"""), ["n"] = random.Next(3) == 0 ? "ten" : random.Next(-5, 5000) });
            case 5:
                return ($$"""{ orders(where: { amount: { {{Pick(operators)}}: {{Scalar()}} }, or: [{ status: { eq: {{Scalar()}} } }] }, order: [{ amount: {{(random.Next(2) == 0 ? "DESC" : "UP")}} }]) { nodes { id amount } } }""", null);
            case 6:
                return ($$"""{ records(modelId: "{{orders}}", search: "{{new string('x', random.Next(100, 5_000))}}") { nodes { id } } }""", null);
            case 7:
                return ($$"""mutation { createModel(input: { name: "{{Pick(injections).Replace("\"", "")}}", idField: "{{Pick(injections).Replace("\"", "")}}" }) { model { id } errors { message } } }""", null);
            case 8:
                // Records every one of which breaks a sync rule: operator-like or dotted field names, no or a non-scalar id, too deep.
                JsonNode[] invalid =
                [
                    JsonNode.Parse("""{"id":"x","$where":"1"}""")!, JsonNode.Parse("""{"id":"x","a.b":1}""")!, JsonNode.Parse("""{"amount":1}""")!,
                    JsonNode.Parse("""{"id":{"$ne":null}}""")!, JsonNode.Parse("""{"id":"x","n":{"$gt":0}}""")!, JsonNode.Parse("""{"id":"x","stripeCharge":1}""")!,
                    JsonNode.Parse("""{"id":"x","d":{"a":{"b":{"c":{"d":{"e":{"f":{"g":{"h":1}}}}}}}}}""")!, JsonValue.Create(random.Next())!,
                ];
                return ("""mutation($m: ID!, $r: [JSON!]!) { syncRecords(input: { modelId: $m, records: $r }) { errors { message } } }""",
                    new JsonObject { ["m"] = orders, ["r"] = new JsonArray(Enumerable.Range(0, random.Next(1, 4)).Select(_ => invalid[random.Next(invalid.Length)].DeepClone()).ToArray()) });
            case 9:
                return ($$"""{ view(id: "{{Pick(injections)}}") { records { nodes { values(columns: ["{{Pick(injections)}}"]) } } } record(modelId: "{{orders}}", id: {{Scalar()}}) { id } }""", null);
            case 10:
                return ($$"""{ records(modelId: "{{orders}}") { nodes { relatedOne(name: "{{Pick(injections)}}") { id } related(name: "x", first: {{Scalar()}}) { totalCount } } } }""", null);
            default:
                var valid = """{ records(modelId: "ORDERS") { nodes { id fields } } }""".Replace("ORDERS", orders);
                return (valid[..random.Next(1, valid.Length)], null);
        }
    }

    private static (byte[] Body, string ContentType) SyncPayload(Random random)
    {
        string Nested(int depth) => depth == 0 ? "1" : "{\"a\":" + Nested(depth - 1) + "}";
        return random.Next(9) switch
        {
            0 => (RandomBytes(random, random.Next(0, 400)), "application/json"),
            1 => (Encoding.UTF8.GetBytes("""{"id":"1","$where":"sleep(1000)"}"""), "application/json"),
            2 => (Encoding.UTF8.GetBytes("""{"id":"1","amount":{"$gt":0}}""".Replace("\"1\"", "\"" + random.Next() + "\"") is var s && random.Next(2) == 0 ? s : """[{"id":{"$ne":null}}]"""), "application/json"),
            3 => (Encoding.UTF8.GetBytes("{\"id\":\"deep\",\"x\":" + Nested(random.Next(9, 200)) + "}"), "application/json"),
            4 => (Encoding.UTF8.GetBytes("{\"id\":\"big\",\"x\":\"" + new string('x', random.Next(70_000, 200_000)) + "\"}"), "application/json"),
            5 => (Encoding.UTF8.GetBytes("[1, \"two\", null, [], true]"), "application/json"),
            6 => (Encoding.UTF8.GetBytes("id=&amount=1&a.b=2&%24where=1"), "application/x-www-form-urlencoded"),
            7 => (Encoding.UTF8.GetBytes("""{"id":"1"}"""), random.Next(2) == 0 ? "text/plain" : "application/xml"),
            _ => (Encoding.UTF8.GetBytes("{\"id\":" + (random.Next(2) == 0 ? "null" : "{}") + ",\"a\":1}"), "application/json"),
        };
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "…" : text;
}
