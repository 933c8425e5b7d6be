using System.Net;
using System.Text;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>The GraphQL-over-HTTP endpoint through the real pipeline on a real SQLite store.</summary>
public sealed class GraphQLOverHttpTests : IDisposable
{
    private readonly GatherApiFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Introspection_works_with_the_standard_query()
    {
        var response = await _app.CreateClient(GatherApiFactory.AdminKey).PostGraphQLAsync(IntrospectionQuery.Text);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response.Errors);
        var typeNames = response.Data!["__schema"]!["types"]!.AsArray().Select(t => t!["name"]!.GetValue<string>());
        Assert.Contains("Viewer", typeNames);
        Assert.Equal("Query", response.Data["__schema"]!["queryType"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Viewer_returns_the_keys_team_and_scopes()
    {
        var response = await _app.CreateClient(GatherApiFactory.AdminKey)
            .PostGraphQLAsync("{ viewer { team { name } scopes } }");

        Assert.Null(response.Errors);
        Assert.Equal("My team", response.Data!["viewer"]!["team"]!["name"]!.GetValue<string>());
        Assert.Equal("ADMIN", response.Data["viewer"]!["scopes"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_request_without_a_key_is_refused_with_401()
    {
        var response = await _app.CreateClient(apiKey: null).PostGraphQLAsync("{ viewer { scopes } }");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
        Assert.Contains("Authorization: Token", response.Errors![0]!["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Token gth_not_a_real_key_at_all_000")]
    [InlineData("Bearer gth_not_a_real_key_at_all_000")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Token")]
    public async Task A_bad_key_is_refused_with_401(string authorization)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        var response = await client.PostGraphQLAsync("{ viewer { scopes } }");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(["UNAUTHENTICATED"], response.ErrorCodes);
    }

    [Fact]
    public async Task The_bearer_form_is_accepted_too()
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("Authorization", $"Bearer {GatherApiFactory.AdminKey}");

        var response = await client.PostGraphQLAsync("{ viewer { scopes } }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Null(response.Errors);
    }

    [Fact]
    public async Task A_query_over_GET_runs()
    {
        var client = _app.CreateClient(GatherApiFactory.AdminKey);
        var response = await client.SendGraphQLAsync(new HttpRequestMessage(HttpMethod.Get,
            "/graphql?query=" + Uri.EscapeDataString("query Me($x: Boolean!) { viewer @include(if: $x) { scopes } }")
            + "&variables=" + Uri.EscapeDataString("{\"x\": true}")));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("ADMIN", response.Data!["viewer"]!["scopes"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_mutation_over_GET_is_refused_with_405()
    {
        var client = _app.CreateClient(GatherApiFactory.AdminKey);
        var query = "mutation { createApiKey(input: { name: \"x\", scopes: [READ] }) { secret } }";
        using var response = await client.GetAsync("/graphql?query=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
        var keys = await client.PostGraphQLAsync("{ apiKeys { name } }");
        Assert.Single(keys.Data!["apiKeys"]!.AsArray());
    }

    [Theory]
    [InlineData("{\"query\": ", "not valid")]
    [InlineData("[{\"query\": \"{ viewer { scopes } }\"}]", "batches are not supported")]
    [InlineData("{\"operationName\": \"x\"}", "no query")]
    [InlineData("{\"query\": \"\"}", "no query")]
    [InlineData("{\"query\": \"{ viewer { scopes } }\", \"variables\": 12}", "not valid")]
    public async Task A_malformed_body_gets_a_clear_400(string body, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };

        var response = await _app.CreateClient(GatherApiFactory.AdminKey).SendGraphQLAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["BAD_REQUEST"], response.ErrorCodes);
        Assert.Contains(expected, response.Errors![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_content_type_gets_415()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("{ viewer { scopes } }", Encoding.UTF8, "text/plain"),
        };

        var response = await _app.CreateClient(GatherApiFactory.AdminKey).SendGraphQLAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Contains("application/json", response.Errors![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413()
    {
        var padding = new string(' ', 1024 * 1024 + 1);
        var response = await _app.CreateClient(GatherApiFactory.AdminKey).PostGraphQLAsync("{ viewer { scopes } }" + padding);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.Status);
        Assert.Contains("MaxRequestBodyBytes", response.Errors![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_syntax_error_is_400_under_graphql_response_json_and_200_under_json()
    {
        var client = _app.CreateClient(GatherApiFactory.AdminKey);

        var modern = await client.PostGraphQLAsync("{ viewer { ");
        var legacy = await client.PostGraphQLAsync("{ viewer { ", accept: "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, modern.Status);
        Assert.Equal("application/graphql-response+json", modern.ContentType);
        Assert.Equal(HttpStatusCode.OK, legacy.Status);
        Assert.Equal("application/json", legacy.ContentType);
        Assert.All(modern.ErrorCodes, Assert.NotNull);
    }

    [Fact]
    public async Task An_unsupported_accept_header_gets_406()
    {
        var response = await _app.CreateClient(GatherApiFactory.AdminKey)
            .PostGraphQLAsync("{ viewer { scopes } }", accept: "application/xml");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.Status);
    }

    [Fact]
    public async Task A_query_deeper_than_the_limit_is_rejected()
    {
        var nested = string.Concat(Enumerable.Repeat("ofType { ", 25)) + "name" + new string('}', 25);
        var query = $"{{ __schema {{ types {{ {nested} }} }} }}";

        var response = await _app.CreateClient(GatherApiFactory.AdminKey).PostGraphQLAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Null(response.Data);
        Assert.Contains("depth", response.Errors![0]!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_query_more_complex_than_the_limit_is_rejected()
    {
        // Pages multiply the work without many fields: a page of 1,000 records, each with 1,000 related ones.
        var query = """{ records(modelId: "model_1", first: 1000) { nodes { related(name: "projects", first: 1000) { nodes { id } } } } }""";

        var response = await _app.CreateClient(GatherApiFactory.AdminKey).PostGraphQLAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Null(response.Data);
        Assert.Contains("complexity", response.Errors![0]!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }
}
