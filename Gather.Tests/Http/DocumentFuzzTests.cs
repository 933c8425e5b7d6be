using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Gather.Schema;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>
/// Generated hostile documents (seeded, so a failure reproduces): nesting past the parser's limit,
/// fragment bombs with cycles and unknown fragments, alias and same-name floods, and sizes on
/// each side of every document limit, some cut off mid-way, plus bodies with duplicate members.
/// Every answer must be a 4xx or a GraphQL error, never a 5xx, and every refusal by a document
/// limit must be small.
/// </summary>
public sealed class DocumentFuzzTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private const int Seed = 20261202, Documents = 300;

    private static readonly GraphQLLimitsOptions Limits = new();

    private static readonly HashSet<string> LimitCodes =
    [
        "MAX_TOKENS_EXCEEDED", "DOCUMENT_TOO_DEEP", "MAX_FIELDS_EXCEEDED", "MAX_ALIASES_EXCEEDED",
        "MAX_ROOT_FIELDS_EXCEEDED", "MAX_FRAGMENT_DEPTH_EXCEEDED", "MAX_MERGE_COMPARISONS_EXCEEDED",
    ];

    private readonly GatherApiFactory _app = new(new Dictionary<string, string?>
    {
        [GatherApiFactory.SchedulerEnabled] = "false", ["Gather:RateLimits:Enabled"] = "false",
    });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Generated_hostile_documents_get_4xx_or_graphql_errors_and_small_refusals()
    {
        var admin = _app.CreateClient(GatherApiFactory.AdminKey);
        var random = new Random(Seed);
        var failures = new List<string>();
        var counts = new SortedDictionary<string, int>();
        var milliseconds = new SortedDictionary<string, long>();

        for (var i = 0; i < Documents; i++)
        {
            var (kind, body) = Generate(random);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Accept", random.Next(2) == 0 ? "application/json" : "application/graphql-response+json");
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            using var response = await admin.SendAsync(request);
            milliseconds[kind] = milliseconds.GetValueOrDefault(kind) + (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var text = await response.Content.ReadAsStringAsync();
            var code = response.Content.Headers.ContentType?.MediaType?.Contains("json") == true
                ? (JsonNode.Parse(text)?["errors"] as JsonArray)?.FirstOrDefault()?["extensions"]?["code"]?.GetValue<string>()
                : null;
            var key = $"{(int)response.StatusCode} {code ?? "-"}";
            counts[key] = counts.GetValueOrDefault(key) + 1;
            if ((int)response.StatusCode >= 500 || code is "INTERNAL_SERVER_ERROR" or "UNHANDLED")
                failures.Add($"#{i} {kind}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}");
            else if (code is not null && LimitCodes.Contains(code) && text.Length > 2_048)
                failures.Add($"#{i} {kind}: refusal of {text.Length} bytes");
        }

        output.WriteLine(string.Join(Environment.NewLine, counts.Select(c => $"{c.Key}: {c.Value}")));
        // Where the time went, for whoever makes this test slower (reported, not asserted).
        output.WriteLine(string.Join(Environment.NewLine, milliseconds.Select(m => $"{m.Key}: {m.Value} ms")));
        Assert.Empty(failures);
        Assert.Equal(Documents, counts.Values.Sum());
        // The generators reach every limit, not just the first one checked.
        foreach (var limitCode in LimitCodes)
            Assert.Contains(counts.Keys, k => k.EndsWith(limitCode, StringComparison.Ordinal));
    }

    private static (string Kind, string Body) Generate(Random random)
    {
        var (kind, query) = random.Next(9) switch
        {
            0 => ("deep selections", DeepSelections(random)),
            1 => ("deep values", DeepValues(random)),
            2 => ("fragment bomb", FragmentBomb(random)),
            3 => ("alias flood", AliasFlood(random)),
            4 => ("same-name flood", SameNameFlood(random)),
            5 => ("root fields", RootFields(random)),
            // Documents at the token limit are the slowest to validate: fewer of them.
            6 when random.Next(3) == 0 => ("tokens", Tokens(random)),
            6 => ("same-name flood", SameNameFlood(random)),
            7 => ("introspection aliases", Introspections(random)),
            _ => ("fragment chain", FragmentChain(random)),
        };
        // Some are cut off anywhere: the limits must not assume a document that parses.
        if (random.Next(8) == 0)
            query = query[..random.Next(query.Length)];
        var body = new JsonObject { ["query"] = query }.ToJsonString();
        if (random.Next(12) == 0)
            body = body.Insert(1, random.Next(2) == 0 ? "\"query\":\"{ __typename }\"," : "\"variables\":{\"a\":1,\"a\":2},");
        return (kind, body);
    }

    /// <summary>Either side of a limit: a little under, at, or a little over.</summary>
    private static int Around(Random random, int limit) => Math.Max(1, limit + random.Next(-3, 4));

    private static string DeepSelections(Random random)
    {
        var depth = random.Next(2) == 0 ? random.Next(55, 70) : random.Next(70, 3_000);
        return string.Concat(Enumerable.Repeat(random.Next(2) == 0 ? "{ viewer " : "{ ... on Query ", depth)) + "{ scopes }" + new string('}', depth);
    }

    private static string DeepValues(Random random)
    {
        var depth = random.Next(30, 500);
        var value = random.Next(2) == 0 ? new string('[', depth) + "1" + new string(']', depth) : string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth);
        return $$"""query($v: Int = {{value}}) { __typename }""";
    }

    private static string FragmentBomb(Random random)
    {
        var levels = random.Next(1, 30);
        var spreads = random.Next(1, 6);
        var text = new StringBuilder($"{{ ...F{levels} }}\nfragment F0 on Query {{ {(random.Next(4) == 0 ? "...Unknown" : "__typename")} }}\n");
        for (var level = 1; level <= levels; level++)
            text.Append($"fragment F{level} on Query {{ {string.Concat(Enumerable.Repeat($"...F{level - 1} ", spreads))}}}\n");
        // A cycle back to the top, or a second definition of a name.
        if (random.Next(4) == 0)
            text.Append($"fragment F0 on Query {{ ...F{levels} ...F{levels} }}\n");
        return text.ToString();
    }

    private static string AliasFlood(Random random) =>
        "{ viewer { " + string.Concat(Enumerable.Range(0, Around(random, Limits.MaxAliases)).Select(i => $"a{i}: scopes ")) + "} }";

    private static string SameNameFlood(Random random)
    {
        // n selections at one place need n(n-1)/2 comparisons; aim either side of the limit.
        var n = (int)Math.Sqrt(2.0 * Limits.MaxMergeComparisons) + random.Next(-4, 5);
        var differ = random.Next(2) == 0;
        return "{ " + string.Concat(Enumerable.Range(0, n).Select(i => differ ? $"x: __type(name: \"T{i}\") {{ name }} " : "x: __typename ")) + "}";
    }

    private static string RootFields(Random random) =>
        "{ " + string.Concat(Enumerable.Range(0, Around(random, Limits.MaxRootFields)).Select(i => $"r{i}: __typename ")) + "}";

    private static string Tokens(Random random) =>
        $"query($v: [Int] = [{string.Join(',', Enumerable.Range(0, Around(random, Limits.MaxTokens) - 14))}]) {{ __typename }}";

    private static string Introspections(Random random)
    {
        var selection = DocumentLimitTests.IntrospectionSelection();
        return "{ " + string.Concat(Enumerable.Range(0, random.Next(1, 16)).Select(i => $"s{i}: __schema {selection} ")) + "}" + DocumentLimitTests.IntrospectionFragments();
    }

    /// <summary>Fragments spreading fragments in a line, either side of the depth limit.</summary>
    private static string FragmentChain(Random random)
    {
        var length = Around(random, Limits.MaxFragmentDepth);
        var text = new StringBuilder($"{{ ...C{length} }}\nfragment C0 on Query {{ __typename }}\n");
        for (var i = 1; i <= length; i++)
            text.Append($"fragment C{i} on Query {{ ...C{i - 1} }}\n");
        return text.ToString();
    }
}
