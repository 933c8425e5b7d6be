using Gather.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gather.Tests.Browser;

/// <summary>
/// A page on another origin calling Gather from a real Chromium: allowed when its origin is
/// configured, blocked by the browser when it is not. The page comes from a server of its own
/// on loopback (Chromium refuses a loopback call from a page it cannot place on the network),
/// reached as <c>127.0.0.1</c> (allowed) and as <c>localhost</c> (another origin).
/// </summary>
public sealed class CrossOriginBrowserTests
{
    [SkippableFact]
    public async Task A_page_on_an_allowed_origin_can_query_Gather_and_a_page_on_another_cannot()
    {
        var chromium = Chromium.FindOrSkip();

        // Arrange
        var gatherUrl = new TaskCompletionSource<string>();
        await using var pages = await PageServerAsync(gatherUrl.Task);
        var allowedOrigin = pages.Origin;
        var otherOrigin = allowedOrigin.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        using var app = new GatherApiFactory(new Dictionary<string, string?> { ["Gather:Cors:AllowedOrigins:0"] = allowedOrigin });
        app.UseKestrel(0);
        app.StartServer();
        gatherUrl.SetResult(new Uri(app.ClientOptions.BaseAddress, "/graphql").ToString());
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = Chromium.Arguments });
        await using var context = await browser.NewContextAsync();

        // Act
        var allowed = await context.NewPageAsync();
        await allowed.GotoAsync(allowedOrigin + "/");
        await allowed.Locator("#result").Filter(new() { HasNotText = "waiting" }).WaitForAsync();
        var other = await context.NewPageAsync();
        await other.GotoAsync(otherOrigin + "/");
        await other.Locator("#result").Filter(new() { HasNotText = "waiting" }).WaitForAsync();

        // Assert
        Assert.Equal("team: My team", await allowed.Locator("#result").TextContentAsync());
        Assert.Equal("blocked: TypeError", await other.Locator("#result").TextContentAsync());
    }

    /// <summary>A page that queries Gather with a key, as a frontend on its own origin would.</summary>
    private static async Task<PageServer> PageServerAsync(Task<string> gatherUrl)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = builder.Build();
        server.MapGet("/", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync($$"""
                <!doctype html><title>Another origin</title><output id="result">waiting</output>
                <script>
                  fetch("{{await gatherUrl}}", {
                    method: "POST",
                    headers: { "Authorization": "Token {{GatherApiFactory.AdminKey}}", "Content-Type": "application/json" },
                    body: JSON.stringify({ query: "{ viewer { team { name } } }" })
                  }).then(r => r.json()).then(j => document.getElementById("result").textContent = "team: " + j.data.viewer.team.name,
                           e => document.getElementById("result").textContent = "blocked: " + e.name);
                </script>
                """);
        });
        await server.StartAsync();
        var origin = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return new PageServer(server, origin);
    }

    private sealed record PageServer(WebApplication App, string Origin) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
