using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gather.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gather.Tests.Http;

/// <summary>
/// Browser sessions: <c>POST /session</c> with a key sets an HttpOnly, SameSite=Strict cookie
/// that authenticates GraphQL (Banana Cake Pop's requests included) and the REST sync, refuses
/// state-changing requests from other origins, and stops working the moment its key is revoked.
/// </summary>
public sealed class SessionTests : IDisposable
{
    private const string Own = "http://localhost";
    private readonly GatherApiFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Signing_in_sets_an_HttpOnly_SameSite_Strict_cookie_without_the_key_and_answers_team_and_scopes()
    {
        using var response = await SignInAsync(_app.CreateClient(), GatherApiFactory.AdminKey);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var setCookie = response.Headers.GetValues("Set-Cookie").Single();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("My team", body["team"]!["name"]!.GetValue<string>());
        Assert.Equal(["ADMIN"], body["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.StartsWith("gather_session=", setCookie);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(GatherApiFactory.AdminKey, Uri.UnescapeDataString(setCookie));
    }

    [Fact]
    public async Task Over_https_the_cookie_is_Secure()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = false });

        using var response = await SignInAsync(client, GatherApiFactory.AdminKey, origin: "https://localhost");

        Assert.Contains("secure", response.Headers.GetValues("Set-Cookie").Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_cookie_authenticates_GraphQL_as_Banana_Cake_Pop_sends_it_the_schema_download_and_the_sync()
    {
        var cookie = await SessionCookieAsync(GatherApiFactory.AdminKey);
        var client = Anonymous();

        var viewer = await client.SendGraphQLAsync(GraphQLPost("{ viewer { team { name } scopes } }", cookie, Own));
        using var getQuery = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B%20viewer%20%7B%20scopes%20%7D%20%7D");
        getQuery.Headers.Add("Cookie", cookie);
        var viaGet = await client.SendGraphQLAsync(getQuery);
        using var sdl = new HttpRequestMessage(HttpMethod.Get, "/graphql?sdl");
        sdl.Headers.Add("Cookie", cookie);
        using var sdlResponse = await client.SendAsync(sdl);
        var created = await client.SendGraphQLAsync(GraphQLPost(
            "mutation { createModel(input: { name: \"Orders\", idField: \"id\" }) { model { id } } }", cookie, Own));
        using var sync = new HttpRequestMessage(HttpMethod.Post, $"/models/{created.Data!["createModel"]!["model"]!["id"]}/records")
        {
            Content = new FormUrlEncodedContent([new("id", "1234"), new("amount", "75")]),
        };
        sync.Headers.Add("Cookie", cookie);
        sync.Headers.Add("Origin", Own);
        using var synced = await client.SendAsync(sync);

        Assert.Equal("My team", viewer.Data!["viewer"]!["team"]!["name"]!.GetValue<string>());
        Assert.Equal("ADMIN", viaGet.Data!["viewer"]!["scopes"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, sdlResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, synced.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("http://evil.example")]
    [InlineData("http://localhost:8080")]
    [InlineData("null")]
    public async Task A_state_changing_request_with_the_cookie_from_another_origin_is_refused(string? origin)
    {
        var cookie = await SessionCookieAsync(GatherApiFactory.AdminKey);

        var response = await Anonymous().SendGraphQLAsync(GraphQLPost(
            "mutation { createModel(input: { name: \"Evil\", idField: \"id\" }) { model { id } } }", cookie, origin));
        var models = await _app.CreateClient(GatherApiFactory.AdminKey).PostGraphQLAsync("{ models { name } }");

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal(["FORBIDDEN"], response.ErrorCodes);
        Assert.Contains("Origin", response.Errors![0]!["message"]!.GetValue<string>());
        Assert.DoesNotContain(models.Data!["models"]!.AsArray(), m => m!["name"]!.GetValue<string>() == "Evil");
    }

    [Fact]
    public async Task Revoking_the_key_ends_its_sessions_at_once()
    {
        var admin = _app.CreateClient(GatherApiFactory.AdminKey);
        var created = await admin.PostGraphQLAsync(
            "mutation { createApiKey(input: { name: \"browser\", scopes: [READ] }) { apiKey { id } secret } }");
        var cookie = await SessionCookieAsync(created.Data!["createApiKey"]!["secret"]!.GetValue<string>());
        var before = await Anonymous().SendGraphQLAsync(GraphQLPost("{ viewer { scopes } }", cookie, Own));

        await admin.PostGraphQLAsync("mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { revoked } } }",
            new { id = created.Data!["createApiKey"]!["apiKey"]!["id"]!.GetValue<string>() });
        var after = await Anonymous().SendGraphQLAsync(GraphQLPost("{ viewer { scopes } }", cookie, Own));

        Assert.Equal("READ", before.Data!["viewer"]!["scopes"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
        Assert.Equal(["UNAUTHENTICATED"], after.ErrorCodes);
        Assert.Contains("revoked", after.Errors![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_session_expires_after_its_lifetime()
    {
        var clock = new MovableClock();
        using var app = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock))));
        using var signIn = await SignInAsync(app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }), GatherApiFactory.AdminKey);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        var fresh = await client.SendGraphQLAsync(GraphQLPost("{ viewer { scopes } }", cookie, Own));
        clock.Advance(TimeSpan.FromMinutes(481));
        var expired = await client.SendGraphQLAsync(GraphQLPost("{ viewer { scopes } }", cookie, Own));

        Assert.Equal(HttpStatusCode.OK, fresh.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        Assert.Contains("session has ended", expired.Errors![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_key_a_malformed_body_and_another_origin_start_no_session()
    {
        var client = Anonymous();

        using var wrong = await SignInAsync(client, "gth_not_a_key_0123456789");
        using var malformed = await client.PostAsync("/session", new StringContent("apiKey=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        using var otherOrigin = await SignInAsync(client, GatherApiFactory.AdminKey, origin: "http://evil.example");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("not valid", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherOrigin.StatusCode);
        Assert.False(wrong.Headers.Contains("Set-Cookie") || otherOrigin.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Signing_out_clears_the_cookie_and_keys_keep_working_beside_it()
    {
        var cookie = await SessionCookieAsync(GatherApiFactory.AdminKey);
        using var signOut = new HttpRequestMessage(HttpMethod.Delete, "/session");
        signOut.Headers.Add("Cookie", cookie);
        signOut.Headers.Add("Origin", Own);

        using var response = await Anonymous().SendAsync(signOut);
        var script = await _app.CreateClient(GatherApiFactory.AdminKey).PostGraphQLAsync("mutation { createModel(input: { name: \"Scripted\", idField: \"id\" }) { model { id } } }");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains("gather_session=;", response.Headers.GetValues("Set-Cookie").Single());
        Assert.NotNull(script.Data!["createModel"]!["model"]);
    }

    private HttpClient Anonymous() => _app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

    private async Task<string> SessionCookieAsync(string apiKey)
    {
        using var response = await SignInAsync(Anonymous(), apiKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string apiKey, string? origin = Own)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/session") { Content = JsonContent.Create(new { apiKey }) };
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        return client.SendAsync(request);
    }

    /// <summary>A POST as Banana Cake Pop and the console send it: JSON, the cookie, and the page's origin.</summary>
    private static HttpRequestMessage GraphQLPost(string query, string cookie, string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Add("Accept", "application/graphql-response+json, application/json");
        request.Headers.Add("Cookie", cookie);
        if (origin is not null)
            request.Headers.TryAddWithoutValidation("Origin", origin);
        return request;
    }

    private sealed class MovableClock : TimeProvider
    {
        private TimeSpan _offset;

        public void Advance(TimeSpan by) => _offset += by;

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _offset;
    }
}
