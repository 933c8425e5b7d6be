using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>
/// The REST sync call given text that is not text (invalid UTF-8, lone surrogates), duplicate
/// members, ids that are neither strings nor numbers, and numbers that cannot be stored exactly:
/// each answers 4xx naming the problem, never 5xx, and stores nothing.
/// </summary>
public sealed class SyncEdgeInputTests : IDisposable
{
    private readonly GatherApiFactory _app = new(new Dictionary<string, string?>
    {
        [GatherApiFactory.SchedulerEnabled] = "false", ["Gather:RateLimits:Enabled"] = "false",
    });

    public void Dispose() => _app.Dispose();

    private HttpClient Admin => _app.CreateClient(GatherApiFactory.AdminKey);

    private async Task<string> OrdersAsync() =>
        (await Admin.PostGraphQLAsync("""
            mutation { createModel(input: { name: "Orders", idField: "id", fields: [{ path: "qty", type: INT }, { path: "price", type: FLOAT }] }) {
              model { id } } }
            """)).Data!["createModel"]!["model"]!["id"]!.GetValue<string>();

    private async Task<int> CountAsync(string model) =>
        (await Admin.PostGraphQLAsync("query($m: ID!) { records(modelId: $m, first: 1) { totalCount } }", new { m = model }))
        .Data!["records"]!["totalCount"]!.GetValue<int>();

    private async Task<(HttpStatusCode Status, JsonNode Body)> SyncAsync(string model, byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new(contentType);
        using var response = await Admin.PostAsync($"/models/{model}/records", content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(text) ?? new JsonObject());
    }

    private static byte[] Bytes(params object[] parts) =>
        parts.SelectMany(p => p is byte[] raw ? raw : Encoding.UTF8.GetBytes((string)p)).ToArray();

    private static readonly (string What, string Body, string ContentType)[] UnreadableText =
    [
        // Bodies with raw bytes written as \xNN.
        ("invalid UTF-8 in a JSON value", """{"id":"1","name":"caf\xC3\x28"}""", "application/json"),
        ("invalid UTF-8 in a JSON name", """{"id":"1","n\xFFame":"x"}""", "application/json"),
        ("an encoded surrogate in JSON", """{"id":"1","name":"\xED\xA0\x80"}""", "application/json"),
        ("a truncated sequence at the end", """{"id":"1","name":"x"}\xE2\x82""", "application/json"),
        ("a lone surrogate escape in a value", """{"id":"1","name":"a\ud800b"}""", "application/json"),
        ("a lone low surrogate escape", """{"id":"1","name":"\udc00"}""", "application/json"),
        ("a high surrogate escape before a non-surrogate", """{"id":"1","name":"\ud800\u0041"}""", "application/json"),
        ("a lone surrogate escape in a name", """{"id":"1","\ud83d":"x"}""", "application/json"),
        ("a lone surrogate escape in the id", """[{"id":"\ud800"}]""", "application/json"),
        ("a lone surrogate escape deep inside", """{"id":"1","a":{"b":["x","\ud800"]}}""", "application/json"),
        ("invalid UTF-8 in a form", """id=1&name=caf\xC3\x28""", "application/x-www-form-urlencoded"),
        ("a %-encoded invalid sequence in a form", "id=1&name=caf%C3%28", "application/x-www-form-urlencoded"),
        ("a %-encoded surrogate in a form value", "id=1&name=%ED%A0%80", "application/x-www-form-urlencoded"),
        ("a %-encoded surrogate in a form name", "id=1&%ED%B0%80=x", "application/x-www-form-urlencoded"),
    ];

    [Fact]
    public async Task Text_that_is_not_valid_unicode_answers_400_naming_the_problem_and_stores_nothing()
    {
        var orders = await OrdersAsync();
        var wrong = new List<string>();

        foreach (var (what, body, contentType) in UnreadableText)
        {
            var (status, response) = await SyncAsync(orders, RawBytes(body), contentType);
            var error = response["errors"]?[0];
            var message = error?["message"]?.GetValue<string>() ?? "";
            if (status != HttpStatusCode.BadRequest || error!["extensions"]!["code"]!.GetValue<string>() != "BAD_REQUEST"
                || !(message.Contains("UTF-8", StringComparison.Ordinal) || message.Contains("surrogate", StringComparison.Ordinal)))
                wrong.Add($"{what}: {(int)status} {response.ToJsonString()}");
        }

        Assert.Empty(wrong);
        Assert.Equal(0, await CountAsync(orders));
    }

    /// <summary>The test's text with <c>\xNN</c> written as the raw byte NN, everything else as UTF-8.</summary>
    private static byte[] RawBytes(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 3 < text.Length && text[i + 1] == 'x')
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 2, 2), 16));
                i += 3;
            }
            else
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
        }
        return [.. bytes];
    }

    [Fact]
    public async Task A_valid_surrogate_pair_escape_is_stored_as_its_character()
    {
        var orders = await OrdersAsync();

        var (status, response) = await SyncAsync(orders, Bytes("""{"id":"1","emoji":"\ud83d\ude00","plain":"😀"}"""), "application/json");
        var fields = (await Admin.PostGraphQLAsync("""query($m: ID!) { record(modelId: $m, id: "1") { fields } }""", new { m = orders }))
            .Data!["record"]!["fields"]!;

        Assert.True(status == HttpStatusCode.OK, response.ToJsonString());
        Assert.Equal("😀", fields["emoji"]!.GetValue<string>());
        Assert.Equal("😀", fields["plain"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_record_with_duplicate_members_answers_400_naming_the_member_and_stores_nothing()
    {
        var orders = await OrdersAsync();
        (string Body, string Member)[] cases =
        [
            ("""{"id":"1","a":1,"a":2}""", "a"), ("""{"id":"1","id":"2"}""", "id"), ("""[{"id":"1"},{"id":"2","o":{"b":1,"b":1}}]""", "b"),
            ("""{"id":"1","\u0061":1,"a":2}""", "a"), ("""{"id":"1","l":[{"c":1},{"c":2,"c":3}]}""", "c"),
        ];
        var wrong = new List<string>();

        foreach (var (body, member) in cases)
        {
            var (status, response) = await SyncAsync(orders, Bytes(body), "application/json");
            var message = response["errors"]?[0]?["message"]?.GetValue<string>() ?? "";
            if (status != HttpStatusCode.BadRequest || !message.Contains($"'{member}'", StringComparison.Ordinal) || !message.Contains("more than once", StringComparison.Ordinal))
                wrong.Add($"{body}: {(int)status} {response.ToJsonString()}");
        }

        Assert.Empty(wrong);
        Assert.Equal(0, await CountAsync(orders));
    }

    [Fact]
    public async Task An_id_that_is_neither_a_string_nor_an_exactly_stored_number_is_refused_naming_the_id_field()
    {
        var orders = await OrdersAsync();
        string[] ids =
        [
            "true", "false", "{}", "[\"1\"]", "null", "1e400", "-1e400", "9223372036854775808", "-9223372036854775809",
            "123456789012345678901234567890", "1.00000000000000000001", "1e-400",
        ];
        var wrong = new List<string>();

        foreach (var id in ids)
        {
            var (status, response) = await SyncAsync(orders, Bytes($$"""{"id":{{id}},"amount":1}"""), "application/json");
            var error = response["errors"]?[0];
            if (status != HttpStatusCode.UnprocessableEntity || error?["extensions"]?["field"]?.GetValue<string>() != "id"
                || !error["message"]!.GetValue<string>().Contains("'id'", StringComparison.Ordinal))
                wrong.Add($"{id}: {(int)status} {response.ToJsonString()}");
        }

        Assert.Empty(wrong);
        Assert.Equal(0, await CountAsync(orders));
    }

    [Fact]
    public async Task A_number_that_cannot_be_stored_exactly_is_refused_naming_its_field()
    {
        var orders = await OrdersAsync();
        (string Field, string Number)[] cases =
        [
            ("n", "1e400"), ("n", "-1e400"), ("n", "1e-400"), ("n", "9223372036854775808"), ("n", "-9223372036854775809"),
            ("n", "18446744073709551616"), ("n", "9007199254740993.0"), ("n", "0.1000000000000000000000001"), ("n", "1e999999999999"),
            ("qty", "1e400"), ("qty", "9223372036854775808"), ("price", "1e400"), ("price", "9223372036854775808"),
            ("nested.x", "1e400"), ("list[]", "9223372036854775808"),
        ];
        var wrong = new List<string>();

        foreach (var (field, number) in cases)
        {
            var json = field switch
            {
                "nested.x" => $$$"""{"id":"1","nested":{"x":{{{number}}}}}""",
                "list[]" => $$"""{"id":"1","list":[1,{{number}}]}""",
                _ => $$"""{"id":"1","{{field}}":{{number}}}""",
            };
            var (status, response) = await SyncAsync(orders, Bytes(json), "application/json");
            var error = response["errors"]?[0];
            if (status != HttpStatusCode.UnprocessableEntity || error?["extensions"]?["field"]?.GetValue<string>() != field
                || error["extensions"]!["rule"]!.GetValue<string>() != "number")
                wrong.Add($"{field}={number}: {(int)status} {response.ToJsonString()}");
        }

        Assert.Empty(wrong);
        Assert.Equal(0, await CountAsync(orders));
    }

    [Fact]
    public async Task Numbers_that_can_be_stored_exactly_read_back_unchanged()
    {
        var orders = await OrdersAsync();

        var (status, response) = await SyncAsync(orders, Bytes("""
            [{"id":9223372036854775807,"max":9223372036854775807,"min":-9223372036854775808,"tenth":0.1,"third":0.30000000000000004,"big":1e300,"tiny":5e-324,"whole":75.0,"exp":1.5e3,"zero":-0}]
            """), "application/json");
        var record = (await Admin.PostGraphQLAsync("""query($m: ID!) { record(modelId: $m, id: "9223372036854775807") { fields } }""", new { m = orders }))
            .Data!["record"]!["fields"]!;

        Assert.True(status == HttpStatusCode.OK, response.ToJsonString());
        Assert.Equal(long.MaxValue, record["max"]!.GetValue<long>());
        Assert.Equal(long.MinValue, record["min"]!.GetValue<long>());
        Assert.Equal(0.1, record["tenth"]!.GetValue<double>());
        Assert.Equal(0.30000000000000004, record["third"]!.GetValue<double>());
        Assert.Equal(1e300, record["big"]!.GetValue<double>());
        Assert.Equal(5e-324, record["tiny"]!.GetValue<double>());
        Assert.Equal("75", record["whole"]!.ToJsonString());
        Assert.Equal("1500", record["exp"]!.ToJsonString());
        Assert.Equal("0", record["zero"]!.ToJsonString());
    }
}
