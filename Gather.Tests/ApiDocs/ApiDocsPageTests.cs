using System.Net;
using System.Text.RegularExpressions;
using Gather.Tests.Browser;
using Gather.Tests.Support;
using Microsoft.Playwright;

namespace Gather.Tests.ApiDocs;

/// <summary>
/// <c>/docs</c>: the reference UI for the REST side, served with all its files by the app itself,
/// so it works on a machine with no network.
/// </summary>
public sealed partial class ApiDocsPageTests
{
    [Fact]
    public async Task The_docs_page_is_HTML_whose_every_asset_comes_from_the_app()
    {
        using var factory = new GatherApiFactory();
        var client = factory.CreateClient(apiKey: null);

        using var page = await client.GetAsync("/docs");
        var html = await page.Content.ReadAsStringAsync();
        var pageUri = page.RequestMessage!.RequestUri!;
        var assets = AssetReference().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        using var config = await client.GetAsync(new Uri(pageUri, "index.js"));
        var script = await config.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotMatch(AbsoluteUrl(), html);
        Assert.Contains("./swagger-ui-bundle.js", assets);
        Assert.Contains("./swagger-ui.css", assets);
        foreach (var asset in assets)
        {
            using var response = await client.GetAsync(new Uri(pageUri, asset));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)response.StatusCode}");
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 0, asset);
        }
        Assert.Equal(HttpStatusCode.OK, config.StatusCode);
        Assert.Contains("\"/openapi/v1.json\"", script);
        // Swagger UI's validator badge would ask a server on the internet; unset, the page turns it off.
        Assert.DoesNotContain("\"validatorUrl\":", script);
        Assert.Contains("configObject.validatorUrl = null", script);
    }

    [SkippableFact]
    public async Task The_docs_page_renders_the_Sync_operation_in_a_browser_with_no_request_leaving_the_machine()
    {
        var chromium = Chromium.FindOrSkip();

        using var app = new GatherApiFactory();
        app.UseKestrel(0);
        app.StartServer();
        var origin = app.ClientOptions.BaseAddress;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = Chromium.Arguments });
        await using var context = await browser.NewContextAsync();
        var leftTheMachine = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "http" or "https" && (url.Host != origin.Host || url.Port != origin.Port))
            {
                leftTheMachine.Add(url.ToString());
                await route.AbortAsync();
                return;
            }
            await route.ContinueAsync();
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(origin, "/docs").ToString());
        var sync = page.Locator("#operations-Records-Sync");
        await sync.WaitForAsync();
        await sync.Locator(".opblock-summary").ClickAsync();
        // The request body's content types are offered in a select; its options are there once the operation is open.
        await sync.Locator("option[value='application/x-www-form-urlencoded']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsDirectory, "api-docs.png"), FullPage = true });

        Assert.Contains("/models/{modelId}/records", await sync.InnerTextAsync());
        Assert.Empty(leftTheMachine);
    }

    /// <summary>The src and href attributes of the page: its scripts, styles and icons.</summary>
    [GeneratedRegex("(?:src|href)=\"(?<url>[^\"]+)\"")]
    private static partial Regex AssetReference();

    [GeneratedRegex("""(?:src|href)="(?:https?:)?//""")]
    private static partial Regex AbsoluteUrl();
}
