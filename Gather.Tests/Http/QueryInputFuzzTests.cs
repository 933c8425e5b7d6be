using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Gather.Infrastructure.Records.Querying;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>
/// Generated query inputs at and past their edges (seeded, so a failure reproduces): <c>in</c>
/// and <c>nin</c> lists from empty to twice <c>Gather:Query:MaxInValues</c> holding every JSON
/// type, in the generic and the typed API, and cursors forged in every part with every JSON
/// type. Every answer must be a result or an error a caller can act on: never a 5xx, never an
/// internal error or a code naming the store or an exception type, and nothing stored changes.
/// </summary>
public sealed class QueryInputFuzzTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private const int Seed = 20261202, Lists = 300, TypedLists = 150, Cursors = 350;

    /// <summary>Codes graphql-dotnet derives from exception types, and the store's: none may reach a caller.</summary>
    private static readonly HashSet<string> Forbidden =
    [
        "INTERNAL_ERROR", "UNHANDLED", "INTERNAL_SERVER_ERROR", "SQLITE", "MONGO", "INVALID_OPERATION", "ARGUMENT", "ARGUMENT_NULL",
        "ARGUMENT_OUT_OF_RANGE", "FORMAT", "JSON", "NULL_REFERENCE", "KEY_NOT_FOUND", "INVALID_CAST", "OVERFLOW", "NOT_SUPPORTED",
        "INDEX_OUT_OF_RANGE", "DECODER_FALLBACK", "OPERATION_CANCELED",
    ];

    private readonly GatherApiFactory _app = new(new Dictionary<string, string?>
    {
        [GatherApiFactory.SchedulerEnabled] = "false", ["Gather:RateLimits:Enabled"] = "false",
    });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Generated_lists_and_cursors_get_results_or_caller_errors_and_change_nothing()
    {
        var admin = _app.CreateClient(GatherApiFactory.AdminKey);
        var orders = (await admin.PostGraphQLAsync("""mutation { createModel(input: { name: "Orders", idField: "id" }) { model { id } } }"""))
            .Data!["createModel"]!["model"]!["id"]!.GetValue<string>();
        (await admin.PostAsJsonAsync($"/models/{orders}/records", Enumerable.Range(1, 12).Select(i => new
        {
            id = i.ToString(CultureInfo.InvariantCulture), amount = i * 12.5, status = i % 3 == 0 ? "paid" : "open", tags = new[] { $"t{i % 4}" },
        }))).EnsureSuccessStatusCode();
        var before = await StateAsync(admin, orders);
        var random = new Random(Seed);
        var outcomes = new Dictionary<string, int>();
        var failures = new List<string>();

        for (var i = 0; i < Lists; i++)
        {
            var where = new JsonObject { ["field"] = random.Next(3) switch { 0 => "status", 1 => "amount", _ => "tags" }, [random.Next(2) == 0 ? "in" : "nin"] = List(random) };
            JsonNode filter = random.Next(4) == 0 ? new JsonObject { ["not"] = where } : random.Next(3) == 0 ? new JsonObject { ["or"] = new JsonArray(where, new JsonObject { ["field"] = "status", ["in"] = List(random) }) } : where;
            await SendAsync(admin, "query($m: ID!, $w: RecordFilterInput) { records(modelId: $m, where: $w, first: 5) { totalCount nodes { id } } }",
                new JsonObject { ["m"] = orders, ["w"] = filter }, $"list #{i}", null, outcomes, failures);
        }
        for (var i = 0; i < TypedLists; i++)
        {
            var (field, type) = random.Next(2) == 0 ? ("amount", "Float") : ("status", "String");
            await SendAsync(admin, $$"""query($v: [{{type}}]) { orders(where: { {{field}}: { {{(random.Next(2) == 0 ? "in" : "nin")}}: $v } }) { totalCount } }""",
                new JsonObject { ["v"] = List(random) }, $"typed list #{i}", null, outcomes, failures);
        }
        IReadOnlyList<RecordSort>[] orderings = [[], [new RecordSort(FieldPath.TryParse("amount", 8, 128, out _)!, SortDirection.Descending)]];
        var known = orderings.Select(o => ForgedCursors.For(o).Select(f => f.Cursor).ToList()).ToArray();
        for (var i = 0; i < Cursors; i++)
        {
            var ordered = random.Next(2);
            var forged = random.Next(2) == 0;
            var cursor = forged ? known[ordered][random.Next(known[ordered].Count)] : Mutated(random, orderings[ordered]);
            var (size, position) = random.Next(2) == 0 ? ("first", "after") : ("last", "before");
            var order = ordered == 1 ? """, order: [{ field: "amount", direction: DESC }]""" : "";
            var typedOrder = ordered == 1 ? ", order: [{ amount: DESC }]" : "";
            await SendAsync(admin, $$"""
                query($m: ID!, $c: String) {
                  records(modelId: $m, {{size}}: 3, {{position}}: $c{{order}}) { nodes { id } }
                  orders({{size}}: 3, {{position}}: $c{{typedOrder}}) { nodes { id } }
                }
                """, new JsonObject { ["m"] = orders, ["c"] = cursor }, $"cursor #{i}", forged ? position : null, outcomes, failures);
        }

        output.WriteLine(string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}: {o.Value}")));
        Assert.Empty(failures);
        Assert.Equal(before, await StateAsync(admin, orders));
        Assert.Equal(Lists + TypedLists + Cursors, outcomes.Where(o => o.Key.StartsWith("status ", StringComparison.Ordinal)).Sum(o => o.Value));
        Assert.True(outcomes.GetValueOrDefault("answered") > 100, "Lists within the limits must be answered.");
        Assert.True(outcomes.GetValueOrDefault("code INVALID_ARGUMENT") > 100, "Lists past the limit and forged cursors are refused as arguments.");
    }

    /// <summary>A list of a length around the limits (or random), each value of a random JSON type.</summary>
    private static JsonArray List(Random random)
    {
        int[] lengths = [0, 0, 1, 2, 499, 500, 500, 501, 502, 1_000];
        var length = random.Next(4) == 0 ? random.Next(0, 1_200) : lengths[random.Next(lengths.Length)];
        var homogeneous = random.Next(2) == 0 ? random.Next(3) : -1;
        return new JsonArray(Enumerable.Range(0, length).Select(i => Value(random, homogeneous, i)).ToArray());
    }

    private static JsonNode? Value(Random random, int kind, int i) => (kind >= 0 ? kind : random.Next(9)) switch
    {
        0 => JsonValue.Create(random.Next(3) == 0 ? "paid" : $"s{i}\u00e9\u2713"),
        1 => JsonValue.Create(random.Next(4) == 0 ? 25.0 : random.NextDouble() * 1e6),
        2 => JsonValue.Create(random.Next(-5, 200)),
        3 => JsonValue.Create(random.Next(2) == 0),
        4 => null,
        5 => JsonValue.Create(double.MaxValue),
        6 => new JsonArray(1, "x"),
        7 => new JsonObject { ["$ne"] = 1 },
        _ => JsonValue.Create(new string('x', random.Next(900, 1_100))),
    };

    /// <summary>A real cursor's JSON with one part replaced by a random JSON value, or its text damaged.</summary>
    private static string Mutated(Random random, IReadOnlyList<RecordSort> order)
    {
        var valid = ForgedCursors.Valid(order);
        switch (random.Next(5))
        {
            case 0:
                return valid[..random.Next(valid.Length)];
            case 1:
                var bytes = new byte[random.Next(1, 80)];
                random.NextBytes(bytes);
                return ForgedCursors.Encode(bytes);
            default:
                // Built as text: a lone surrogate escape cannot pass through a JsonNode.
                var replacement = ForgedCursors.EveryJsonType[random.Next(ForgedCursors.EveryJsonType.Count)];
                var values = order.Select(_ => "\"paid\"").ToList();
                var o = "\"" + RecordCursor.Fingerprint(order) + "\"";
                var k = "\"1\"";
                switch (random.Next(4))
                {
                    case 0: o = replacement; break;
                    case 1: k = replacement; break;
                    case 2 when values.Count > 0: values[0] = replacement; break;
                    default: values = [replacement]; break;
                }
                return ForgedCursors.Encode($$"""{"o":{{o}},"v":[{{string.Join(",", values)}}],"k":{{k}}}""");
        }
    }

    private static async Task SendAsync(HttpClient client, string query, JsonObject variables, string what, string? forgedArgument,
        Dictionary<string, int> outcomes, List<string> failures)
    {
        using var response = await client.PostAsync("/graphql", new StringContent(
            new JsonObject { ["query"] = query, ["variables"] = variables }.ToJsonString(), Encoding.UTF8, "application/json"));
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        Count(outcomes, $"status {status}");
        if (status >= 500)
        {
            failures.Add($"{status} for {what}: {Shorten(text)}");
            return;
        }
        var errors = JsonNode.Parse(text)?["errors"] as JsonArray;
        if (errors is null)
        {
            Count(outcomes, "answered");
            if (forgedArgument is not null)
                failures.Add($"a forged cursor was accepted for {what}: {variables["c"]}");
            return;
        }
        foreach (var error in errors)
        {
            var code = error?["extensions"]?["code"]?.GetValue<string>() ?? "(none)";
            Count(outcomes, $"code {code}");
            if (Forbidden.Contains(code) || code == "(none)")
                failures.Add($"code {code} for {what}: {Shorten(error!.ToJsonString())}");
        }
        if (forgedArgument is not null && !errors.Any(e => e?["extensions"]?["field"]?.GetValue<string>() == forgedArgument))
            failures.Add($"no error names `{forgedArgument}` for {what}: {Shorten(errors.ToJsonString())}");
    }

    private static void Count(Dictionary<string, int> outcomes, string key) => outcomes[key] = outcomes.GetValueOrDefault(key) + 1;

    /// <summary>What must not change: the model's records, the models and the keys.</summary>
    private static async Task<string> StateAsync(HttpClient admin, string orders) =>
        (await admin.PostGraphQLAsync("""
            query($m: ID!) { records(modelId: $m, first: 1000) { nodes { id fields updatedAt } } models { id name } apiKeys { id revoked } }
            """, new { m = orders })).Body.ToJsonString();

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
