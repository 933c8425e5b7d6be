using System.Net;
using System.Net.Http.Headers;
using Gather.Tests.Support;

namespace Gather.Tests.WebConsole;

/// <summary>The console's page and files at <c>/</c>, its client-side routes, and the API paths it never shadows.</summary>
public sealed class WebConsoleServingTests : IDisposable
{
    private readonly GatherApiFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/")]
    [InlineData("/views/Orders")]
    [InlineData("/settings/models")]
    [InlineData("/records/model_1/1234?x=1")]
    public async Task Every_console_route_gets_the_page(string path)
    {
        using var response = await _app.CreateClient().GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"root\"></div>", html);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_bundles_are_served_as_immutable_files()
    {
        var client = _app.CreateClient();
        var html = await client.GetStringAsync("/");
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(/assets/[^\"]+\\.js)\"").Groups[1].Value;

        using var response = await client.GetAsync(script);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/assets/missing.js")]
    [InlineData("/graphql/missing")]
    [InlineData("/models/model_1/records")]
    [InlineData("/health/other")]
    [InlineData("/webhooks/stripe/x")]
    public async Task API_paths_are_never_answered_with_the_page(string path)
    {
        using var response = await _app.CreateClient().GetAsync(path);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<div id=\"root\">", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GraphQL_stays_Banana_Cake_Pop_and_the_API()
    {
        var client = _app.CreateClient(GatherApiFactory.AdminKey);
        using var browser = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        browser.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        using var ide = await client.SendAsync(browser);
        var query = await client.PostGraphQLAsync("{ viewer { team { name } } }");

        Assert.Contains("<title>Banana Cake Pop</title>", await ide.Content.ReadAsStringAsync());
        Assert.Equal("My team", query.Data!["viewer"]!["team"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_disabled_console_is_not_served()
    {
        using var app = new GatherApiFactory(new Dictionary<string, string?> { ["Gather:Console:Enabled"] = "false" });

        using var response = await app.CreateClient().GetAsync("/views");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
