using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>
/// Generated input at the edges of what the REST sync and the Stripe webhook accept (seeded, so a
/// failure reproduces): invalid UTF-8 and lone surrogates in JSON and forms, duplicate members,
/// ids of every JSON type, numbers no store holds exactly, bodies one byte either side of the
/// size limit (with a length and chunked), and correctly signed Stripe events that are malformed.
/// Every answer must be a 4xx, never a 5xx, and nothing stored may change.
/// </summary>
public sealed class EdgeInputFuzzTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Seed = 20261202, SyncPayloads = 400, Webhooks = 150, BodyLimit = 4096;

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xC3, 0x28], [0xFF], [0xFE], [0x80], [0xBF], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xF0, 0x9F, 0x98],
    ];

    private static readonly string[] BadSurrogates = [@"\ud800", @"\udbff", @"\udc00", @"\udfff", @"\udc00\ud800", @"\ud800\u0041", @"\ud800\n", @"\ud83d\ud83d"];

    private static readonly string[] PercentInvalid = ["%ED%A0%80", "%ED%BF%BF", "%C0%AF", "%F8%88%80%80%80", "%80", "%C3", "%C3%28", "%FF"];

    private static readonly string[] BadNumbers =
    [
        "1e400", "-1e400", "1e-400", "9223372036854775808", "-9223372036854775809", "18446744073709551616", "9007199254740993.0",
        "0.1000000000000000000000001", "1e999999999999", "123456789012345678901234567890", "1.00000000000000000001",
    ];

    [Fact]
    public async Task Generated_edge_input_gets_4xx_and_changes_nothing()
    {
        await using var bed = await WebhookTestbed.StartAsync(new Dictionary<string, string?>
        {
            ["Gather:RateLimits:Enabled"] = "false", ["Gather:Sync:MaxRequestBodyBytes"] = BodyLimit.ToString(CultureInfo.InvariantCulture),
        });
        var before = await bed.OrdersAsync();
        var random = new Random(Seed);
        var admin = bed.AdminClient();
        var failures = new List<string>();
        var counts = new SortedDictionary<int, int>();

        for (var i = 0; i < SyncPayloads; i++)
        {
            var (what, body, contentType, chunked) = SyncPayload(random);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/models/{bed.Orders}/records")
            {
                Content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body),
            };
            request.Content.Headers.ContentType = new(contentType);
            await SendAsync(admin, request, $"sync #{i} ({what}): {Shorten(body)}", failures, counts);
        }
        for (var i = 0; i < Webhooks; i++)
        {
            var (what, payload) = MalformedEvent(random, i);
            using var response = await bed.DeliverAsync(payload);
            Count(response, $"webhook #{i} ({what}): {Shorten(Encoding.UTF8.GetBytes(payload))}", failures, counts, await response.Content.ReadAsStringAsync());
        }

        output.WriteLine(string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value}")));
        Assert.Empty(failures);
        Assert.Equal(SyncPayloads + Webhooks, counts.Values.Sum());
        Assert.Equal(before, await bed.OrdersAsync());
    }

    private static async Task SendAsync(HttpClient client, HttpRequestMessage request, string what, List<string> failures, SortedDictionary<int, int> counts)
    {
        using var response = await client.SendAsync(request);
        Count(response, what, failures, counts, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Every input here is wrong, so every answer must be a 4xx.</summary>
    private static void Count(HttpResponseMessage response, string what, List<string> failures, SortedDictionary<int, int> counts, string body)
    {
        var status = (int)response.StatusCode;
        counts[status] = counts.GetValueOrDefault(status) + 1;
        if (status is < 400 or >= 500)
            failures.Add($"{status} for {what}: {(body.Length > 300 ? body[..300] : body)}");
    }

    private static (string What, byte[] Body, string ContentType, bool Chunked) SyncPayload(Random random)
    {
        const string json = "application/json", form = "application/x-www-form-urlencoded";
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
        var id = random.Next(1_000, 9_999).ToString(CultureInfo.InvariantCulture);
        switch (random.Next(9))
        {
            case 0:
            {
                // Raw invalid UTF-8 spliced into a value or a name.
                var bad = Pick(InvalidUtf8);
                var inName = random.Next(2) == 0;
                var (left, right) = inName ? ($$"""{"id":"{{id}}","na""", "\":1}") : ($$"""{"id":"{{id}}","name":"ab""", "cd\"}");
                return ("invalid UTF-8", [.. Utf8(left), .. bad, .. Utf8(right)], json, false);
            }
            case 1:
                return ("lone surrogate", Utf8(random.Next(3) switch
                {
                    0 => $$"""{"id":"{{id}}","name":"x{{Pick(BadSurrogates)}}y"}""",
                    1 => $$"""{"id":"{{id}}","{{Pick(BadSurrogates)}}":1}""",
                    _ => $$$"""[{"id":"{{{id}}}","deep":{"list":["ok","{{{Pick(BadSurrogates)}}}"]}}]""",
                }), json, false);
            case 2:
            {
                var bad = Pick(InvalidUtf8);
                return random.Next(3) switch
                {
                    0 => ("form, raw bytes", [.. Utf8($"id={id}&name=ab"), .. bad], form, false),
                    1 => ("form, %-encoded value", Utf8($"id={id}&name=ab{Pick(PercentInvalid)}cd"), form, false),
                    _ => ("form, %-encoded name", Utf8($"id={id}&n{Pick(PercentInvalid)}=1"), form, false),
                };
            }
            case 3:
            {
                var member = Pick((string[])["id", "name", "a", "\\u0061"]);
                var duplicate = member == "\\u0061" ? "a" : member;
                var inner = $$"""{"{{member}}":1,"b":2,"{{duplicate}}":3}""";
                return ("duplicate members", Utf8(random.Next(2) == 0 ? $$"""{"id":"{{id}}","o":{{inner}}}""" : $$"""{"id":"{{id}}",{{inner[1..^1]}}}"""), json, false);
            }
            case 4:
                return ("id of a wrong type", Utf8($$"""{"id":{{Pick((string[])["true", "false", "null", "{}", "[]", "[1]", "{\"a\":1}", .. BadNumbers])}},"n":1}"""), json, false);
            case 5:
            {
                var number = random.Next(3) == 0
                    ? $"{(random.Next(2) == 0 ? "-" : "")}{random.Next(1, 10)}e{(random.Next(2) == 0 ? "-" : "")}{random.Next(309, 100_000)}"
                    : Pick(BadNumbers);
                return ("inexact number", Utf8(random.Next(2) == 0 ? $$"""{"id":"{{id}}","n":{{number}}}""" : $$"""[{"id":"{{id}}","l":[1,{{number}}]}]"""), json, false);
            }
            case 6:
            {
                // One byte either side of the body limit, every record refused (an operator field), so nothing may be stored.
                var size = BodyLimit + random.Next(-1, 2);
                return ($"{size}-byte body", Padded($$"""[{"id":"{{id}}","$where":"1","pad":""", size), json, random.Next(2) == 0);
            }
            case 7:
                return ("far over the limit", Padded("""{"id":"x","pad":""", BodyLimit * random.Next(2, 40)), json, random.Next(2) == 0);
            default:
                // The same edges, in a form.
                return ("form with a surrogate escape spelled out", Utf8($"id={id}&name=%5Cud800&x=%ED%A0%80"), form, false);
        }
    }

    /// <summary><paramref name="head"/> followed by a string value padded so the whole body is <paramref name="size"/> bytes.</summary>
    private static byte[] Padded(string head, int size)
    {
        var tail = head.StartsWith('[') ? "\"}]" : "\"}";
        var body = Encoding.UTF8.GetBytes(head + "\"" + new string('x', size - Encoding.UTF8.GetByteCount(head) - 1 - tail.Length) + tail);
        Assert.Equal(size, body.Length);
        return body;
    }

    /// <summary>A correctly signed charge event with one to three things wrong with it, each enough to refuse it.</summary>
    private static (string What, string Payload) MalformedEvent(Random random, int number)
    {
        var now = WebhookTestbed.Now;
        var stripeEvent = WebhookTestbed.ChargeEvent($"evt_fuzz_{number}", 500, now, random.Next(4) == 0 ? "charge.succeeded" : "charge.refunded");
        var charge = stripeEvent["data"]!["object"]!.AsObject();
        JsonNode? Wrong(bool text) => random.Next(text ? 9 : 12) switch
        {
            0 => null,
            1 => new JsonArray(1, 2),
            2 => new JsonObject { ["a"] = 1 },
            3 => true,
            4 => text ? 42 : "42",
            5 => text ? "" : 12.5,
            6 => text ? new string('x', 300) : -1,
            7 => JsonValue.Create(JsonDocument("1e400")),
            8 => text ? 0 : long.MinValue,
            9 => JsonValue.Create(JsonDocument("9223372036854775808")),
            10 => 1e30,
            _ => JsonValue.Create(JsonDocument("0.5")),
        };
        var changes = new List<string>();
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var (target, name, text) = random.Next(10) switch
            {
                0 => (stripeEvent, "id", true),
                1 => (stripeEvent, "type", true),
                2 => (stripeEvent, "created", false),
                3 => (charge, "id", true),
                4 => (charge, "currency", true),
                5 => (charge, "status", true),
                6 => (charge, "amount", false),
                7 => (charge, "amount_refunded", false),
                8 => (charge, "created", false),
                _ => (stripeEvent["data"]!.AsObject(), "object", false),
            };
            var value = Wrong(text);
            // A charge may leave out its amounts and creation time; everything else here is required.
            var optional = target == charge && name is "amount" or "amount_refunded" or "created";
            if (!optional && random.Next(6) == 0 && target.Remove(name))
                changes.Add($"no {name}");
            else
            {
                target[name] = value;
                changes.Add($"{name}={value?.ToJsonString() ?? "null"}");
            }
        }
        var payload = stripeEvent.ToJsonString();
        return random.Next(12) switch
        {
            0 => ("as an array: " + string.Join(", ", changes), "[" + payload + "]"),
            1 => ("duplicate id", payload.Replace($"\"id\":\"evt_fuzz_{number}\"", $"\"id\":\"evt_a{number}\",\"id\":\"evt_b{number}\"")),
            2 => ("lone surrogate", payload.Replace("\"usd\"", $"\"usd{Pick(random, BadSurrogates)}\"")),
            _ => (string.Join(", ", changes), payload),
        };
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>A number exactly as written (JsonValue.Create would parse it into a double first).</summary>
    private static System.Text.Json.JsonElement JsonDocument(string json) => System.Text.Json.JsonDocument.Parse(json).RootElement.Clone();

    private static string Shorten(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Length > 160 ? text[..160] + "…" : text;
    }
}
