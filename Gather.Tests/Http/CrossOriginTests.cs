using System.Net;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>
/// CORS as a browser meets it: preflights for the GraphQL endpoint and the REST sync, answered
/// without a key for configured origins and refused for others; same origin only by default.
/// </summary>
public sealed class CrossOriginTests : IDisposable
{
    private const string Allowed = "http://127.0.0.1:5399", Other = "http://evil.example";

    private readonly GatherApiFactory _app = new(new Dictionary<string, string?>
    {
        ["Gather:Cors:AllowedOrigins:0"] = Allowed,
        ["Gather:Cors:AllowedOrigins:1"] = "https://App.Example.com/",
        ["Gather:Cors:MaxAgeSeconds"] = "900",
    });

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/graphql", "POST")]
    [InlineData("/graphql", "GET")]
    [InlineData("/models/model_x/records", "POST")]
    public async Task A_preflight_from_an_allowed_origin_gets_the_methods_headers_and_max_age_without_a_key(string path, string method)
    {
        using var response = await PreflightAsync(_app.CreateClient(), path, Allowed, method, "authorization,content-type");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Allowed, Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains(method, Header(response, "Access-Control-Allow-Methods"));
        var headers = Header(response, "Access-Control-Allow-Headers")!.ToLowerInvariant();
        Assert.Contains("authorization", headers);
        Assert.Contains("content-type", headers);
        Assert.Equal("900", Header(response, "Access-Control-Max-Age"));
        Assert.Null(Header(response, "Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task An_origin_is_matched_as_browsers_send_it_whatever_case_or_slash_was_configured()
    {
        using var response = await PreflightAsync(_app.CreateClient(), "/graphql", "https://app.example.com", "POST", "authorization");

        Assert.Equal("https://app.example.com", Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_preflight_from_another_origin_or_for_another_method_or_header_is_not_allowed()
    {
        using var otherOrigin = await PreflightAsync(_app.CreateClient(), "/graphql", Other, "POST", "authorization");
        using var otherMethod = await PreflightAsync(_app.CreateClient(), "/graphql", Allowed, "DELETE", "authorization");
        using var otherHeader = await PreflightAsync(_app.CreateClient(), "/graphql", Allowed, "POST", "x-forwarded-for");

        Assert.Null(Header(otherOrigin, "Access-Control-Allow-Origin"));
        Assert.DoesNotContain("DELETE", Header(otherMethod, "Access-Control-Allow-Methods") ?? "");
        Assert.DoesNotContain("x-forwarded-for", (Header(otherHeader, "Access-Control-Allow-Headers") ?? "").ToLowerInvariant());
    }

    [Fact]
    public async Task Answers_to_an_allowed_origin_carry_its_header_errors_included_so_the_page_can_read_them()
    {
        var client = _app.CreateClient();
        using var unauthorized = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        unauthorized.Headers.Add("Origin", Allowed);
        using var answer401 = await client.SendAsync(unauthorized);
        var admin = _app.CreateClient(GatherApiFactory.AdminKey);
        using var query = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        query.Headers.Add("Origin", Allowed);
        using var answer = await admin.SendAsync(query);
        using var fromOther = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        fromOther.Headers.Add("Origin", Other);
        using var otherAnswer = await admin.SendAsync(fromOther);

        Assert.Equal(HttpStatusCode.Unauthorized, answer401.StatusCode);
        Assert.Equal(Allowed, Header(answer401, "Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(Allowed, Header(answer, "Access-Control-Allow-Origin"));
        Assert.Contains("Gather-Store-Round-Trips", Header(answer, "Access-Control-Expose-Headers"));
        // A script (no browser) is not stopped by CORS; the browser would block reading this answer.
        Assert.Equal(HttpStatusCode.OK, otherAnswer.StatusCode);
        Assert.Null(Header(otherAnswer, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task By_default_no_other_origin_is_allowed()
    {
        using var app = new GatherApiFactory();
        using var response = await PreflightAsync(app.CreateClient(), "/graphql", Allowed, "POST", "authorization");

        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Theory]
    [InlineData("https://app.example.com/path")]
    [InlineData("app.example.com")]
    [InlineData("ftp://app.example.com")]
    public void A_configured_origin_that_is_not_an_origin_stops_the_start_with_the_option_named(string origin)
    {
        using var app = new GatherApiFactory(new Dictionary<string, string?> { ["Gather:Cors:AllowedOrigins:0"] = origin });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Gather:Cors:AllowedOrigins", error.ToString());
    }

    private static async Task<HttpResponseMessage> PreflightAsync(HttpClient client, string path, string origin, string method, string headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return await client.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content) : null;
}
