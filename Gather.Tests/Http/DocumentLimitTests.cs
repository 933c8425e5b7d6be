using System.Net;
using System.Text;
using Gather.Api.GraphQL;
using Gather.Schema;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>
/// Documents whose validation would cost seconds (or forever) are refused by the document limits
/// before graphql-dotnet validates them, with one code per limit and a small answer. The limits
/// are the shipped defaults.
/// </summary>
public sealed class DocumentLimitTests : IDisposable
{
    // A refusal names the limit and the fix in a few hundred bytes; what was seen before was 125 MB.
    private const int SmallAnswer = 2_048;

    private readonly GatherApiFactory _app = new(new Dictionary<string, string?> { ["Gather:RateLimits:Enabled"] = "false" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_thousand_same_name_fields_with_different_arguments_are_refused()
    {
        var query = "query($m: ID!) { " + string.Concat(Enumerable.Range(1, 1_000).Select(i => $"records(modelId: $m, first: {i}) {{ nodes {{ id }} }} ")) + "}";
        // The same shape, short enough in tokens (550 × 17) to reach the field count (550 × 4).
        var shorter = "query($m: ID!) { " + string.Concat(Enumerable.Range(1, 550).Select(i => $"records(modelId: $m, first: {i}) {{ nodes {{ id fields }} }} ")) + "}";

        var (response, size) = await PostAsync(query, new { m = "model_1" });
        var (shorterResponse, shorterSize) = await PostAsync(shorter, new { m = "model_1" });

        AssertRefused(response, size, "MAX_TOKENS_EXCEEDED");
        AssertRefused(shorterResponse, shorterSize, "MAX_FIELDS_EXCEEDED");
    }

    [Fact]
    public async Task Same_name_fields_within_the_field_count_are_refused_by_the_merge_comparisons()
    {
        // 100 × 2 fields is well within MaxFields, but proving they merge takes 4,950 comparisons, each a conflict.
        var query = "query($m: ID!) { " + string.Concat(Enumerable.Range(1, 100).Select(i => $"records(modelId: $m, first: {i}) {{ totalCount }} ")) + "}";

        var (response, size) = await PostAsync(query, new { m = "model_1" });

        AssertRefused(response, size, "MAX_MERGE_COMPARISONS_EXCEEDED");
    }

    [Fact]
    public async Task Ten_thousand_identical_selections_are_refused()
    {
        var (response, size) = await PostAsync("{ " + string.Concat(Enumerable.Repeat("__typename ", 10_000)) + "}");
        var (fewer, fewerSize) = await PostAsync("{ " + string.Concat(Enumerable.Repeat("__typename ", 3_000)) + "}");
        var (fewerStill, fewerStillSize) = await PostAsync("{ " + string.Concat(Enumerable.Repeat("__typename ", 1_000)) + "}");

        AssertRefused(response, size, "MAX_TOKENS_EXCEEDED");
        AssertRefused(fewer, fewerSize, "MAX_FIELDS_EXCEEDED");
        // Within the field count, but proving 1,000 selections merge takes 499,500 comparisons.
        AssertRefused(fewerStill, fewerStillSize, "MAX_MERGE_COMPARISONS_EXCEEDED");
    }

    [Fact]
    public async Task A_fragment_bomb_24_levels_deep_is_refused_by_the_fragment_depth()
    {
        var (response, size) = await PostAsync(FragmentBomb(levels: 24, spreadsPerLevel: 2));

        AssertRefused(response, size, "MAX_FRAGMENT_DEPTH_EXCEEDED");
    }

    [Fact]
    public async Task A_fragment_bomb_within_the_fragment_depth_is_refused_by_the_field_count()
    {
        // 3⁹ = 19,683 fields in under 1 KB: counted fragment by fragment, never expanded.
        var (response, size) = await PostAsync(FragmentBomb(levels: 9, spreadsPerLevel: 3));

        AssertRefused(response, size, "MAX_FIELDS_EXCEEDED");
    }

    [Fact]
    public async Task Four_hundred_aliased_full_introspections_are_refused()
    {
        var selection = IntrospectionSelection();
        var query = "{ " + string.Concat(Enumerable.Range(0, 400).Select(i => $"s{i}: __schema {selection} ")) + "}" + IntrospectionFragments();

        var (response, size) = await PostAsync(query);

        // Seen before: 46 MB of schemas, free of charge. Now too long to be parsed at all.
        AssertRefused(response, size, "MAX_TOKENS_EXCEEDED");
    }

    [Fact]
    public async Task Introspection_fields_count_like_any_other_field()
    {
        // Few tokens, few aliases, few root fields: only counting introspection's fields refuses it.
        var query = "{ " + string.Concat(Enumerable.Range(0, 30).Select(i => $"s{i}: __schema {{ ...S }} ")) + "}"
                    + " fragment S on __Schema " + IntrospectionSelection() + IntrospectionFragments();

        var (response, size) = await PostAsync(query);

        AssertRefused(response, size, "MAX_FIELDS_EXCEEDED");
    }

    [Fact]
    public async Task Too_many_aliases_are_refused()
    {
        var (response, size) = await PostAsync("{ viewer { " + string.Concat(Enumerable.Range(0, 201).Select(i => $"a{i}: scopes ")) + "} }");

        AssertRefused(response, size, "MAX_ALIASES_EXCEEDED");
    }

    [Fact]
    public async Task Too_many_root_fields_are_refused()
    {
        var (response, size) = await PostAsync("{ " + string.Concat(Enumerable.Range(0, 51).Select(i => $"a{i}: __typename ")) + "}");

        AssertRefused(response, size, "MAX_ROOT_FIELDS_EXCEEDED");
    }

    [Fact]
    public async Task Too_many_tokens_are_refused_before_parsing()
    {
        var list = string.Join(',', Enumerable.Range(0, new GraphQLLimitsOptions().MaxTokens + 1));
        var (response, size) = await PostAsync($"query($v: [Int] = [{list}]) {{ __typename }}");

        AssertRefused(response, size, "MAX_TOKENS_EXCEEDED");
    }

    [Theory]
    [InlineData(63)]
    [InlineData(70)]
    [InlineData(3_000)]
    public async Task Nesting_past_the_parsers_limit_gets_400_not_500(int levels)
    {
        var query = string.Concat(Enumerable.Repeat("{ viewer ", levels)) + "{ scopes }" + new string('}', levels);

        var (response, size) = await PostAsync(query);

        AssertRefused(response, size, "DOCUMENT_TOO_DEEP");
    }

    [Fact]
    public async Task A_list_value_nested_past_the_parsers_limit_gets_400()
    {
        var (response, size) = await PostAsync($"query($v: Int = {new string('[', 200)}1{new string(']', 200)}) {{ __typename }}");

        AssertRefused(response, size, "DOCUMENT_TOO_DEEP");
    }

    [Fact]
    public async Task Under_application_json_a_refused_document_is_a_graphql_error_with_200()
    {
        var (response, size) = await PostAsync(FragmentBomb(levels: 24, spreadsPerLevel: 2), accept: "application/json");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(["MAX_FRAGMENT_DEPTH_EXCEEDED"], response.ErrorCodes);
        Assert.Null(response.Data);
        Assert.True(size < SmallAnswer);
    }

    [Fact]
    public async Task A_body_with_two_query_members_is_refused_with_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ viewer { scopes } }","query":"mutation { createModel(input: { name: \"X\", idField: \"id\" }) { model { id } } }"}""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Accept", "application/graphql-response+json");

        var response = await _app.CreateClient(GatherApiFactory.AdminKey).SendGraphQLAsync(request);
        var models = await _app.CreateClient(GatherApiFactory.AdminKey).PostGraphQLAsync("{ models { name } }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["BAD_REQUEST"], response.ErrorCodes);
        Assert.Contains("'query'", response.Errors![0]!["message"]!.GetValue<string>());
        Assert.DoesNotContain(models.Data!["models"]!.AsArray(), m => m!["name"]!.GetValue<string>() == "X");
    }

    [Fact]
    public async Task Duplicate_members_inside_variables_and_duplicate_query_parameters_are_refused()
    {
        using var body = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"query($n: Int) { __typename }","variables":{"n":1,"n":2}}""", Encoding.UTF8, "application/json"),
        };
        using var get = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D&query=%7Bviewer%7Bscopes%7D%7D");
        var client = _app.CreateClient(GatherApiFactory.AdminKey);

        var fromBody = await client.SendGraphQLAsync(body);
        var fromQueryString = await client.SendGraphQLAsync(get);

        Assert.Equal(HttpStatusCode.BadRequest, fromBody.Status);
        Assert.Equal(HttpStatusCode.BadRequest, fromQueryString.Status);
        Assert.Equal(["BAD_REQUEST"], fromQueryString.ErrorCodes);
    }

    [Fact]
    public void The_IDEs_full_introspection_query_passes_at_half_of_every_default()
    {
        var defaults = new GraphQLLimitsOptions();
        var half = new GraphQLLimitsOptions
        {
            MaxFields = defaults.MaxFields / 2, MaxAliases = defaults.MaxAliases / 2, MaxRootFields = defaults.MaxRootFields / 2,
            MaxFragmentDepth = defaults.MaxFragmentDepth / 2, MaxMergeComparisons = defaults.MaxMergeComparisons / 2, MaxTokens = defaults.MaxTokens / 2,
        };

        var (document, violation) = new DocumentGate(Microsoft.Extensions.Options.Options.Create(half)).Inspect(IntrospectionQuery.Text);

        Assert.Null(violation);
        Assert.InRange(document!.Cost, 50, defaults.MaxFields / 2);
    }

    private async Task<(GraphQLResponse Response, long Size)> PostAsync(string query, object? variables = null, string accept = "application/graphql-response+json")
    {
        var response = await _app.CreateClient(GatherApiFactory.AdminKey).PostGraphQLAsync(query, variables, accept);
        return (response, Encoding.UTF8.GetByteCount(response.Body.ToJsonString()));
    }

    private static void AssertRefused(GraphQLResponse response, long size, string code)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/graphql-response+json", response.ContentType);
        Assert.Equal([code], response.ErrorCodes);
        Assert.Null(response.Data);
        Assert.True(size < SmallAnswer, $"The answer has {size} bytes.");
    }

    /// <summary>Each fragment spreads the one before it <paramref name="spreadsPerLevel"/> times.</summary>
    public static string FragmentBomb(int levels, int spreadsPerLevel)
    {
        var text = new StringBuilder("{ ...F" + levels + " }\nfragment F0 on Query { __typename }\n");
        for (var level = 1; level <= levels; level++)
            text.Append($"fragment F{level} on Query {{ {string.Concat(Enumerable.Repeat($"...F{level - 1} ", spreadsPerLevel))}}}\n");
        return text.ToString();
    }

    /// <summary>The selection of the IDE's introspection query under <c>__schema</c>, using its fragments.</summary>
    public static string IntrospectionSelection()
    {
        var text = IntrospectionQuery.Text;
        var start = text.IndexOf("__schema", StringComparison.Ordinal) + "__schema".Length;
        var end = text.IndexOf("fragment", StringComparison.Ordinal);
        return text[start..end].Trim().TrimEnd('}').Trim();
    }

    public static string IntrospectionFragments() => " " + IntrospectionQuery.Text[IntrospectionQuery.Text.IndexOf("fragment", StringComparison.Ordinal)..];
}
