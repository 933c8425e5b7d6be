using Gather.Tests.Support;
using Microsoft.Playwright;

namespace Gather.Tests.Browser;

/// <summary>
/// Banana Cake Pop in a real headless Chromium against a real Kestrel server: it loads with
/// no request leaving the machine, introspects the schema, and runs a typed query.
/// </summary>
public sealed class BananaCakePopBrowserTests
{
    [SkippableFact]
    public async Task The_IDE_loads_offline_introspects_and_runs_a_typed_query()
    {
        var chromium = Chromium.FindOrSkip();

        // Arrange: Gather on a loopback port, and a browser whose only reachable host is Gather.
        using var app = new GatherApiFactory();
        app.UseKestrel(0);
        app.StartServer();
        var origin = app.ClientOptions.BaseAddress;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium, Headless = true, Args = Chromium.Arguments,
        });
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var leftTheMachine = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Host != origin.Host || url.Port != origin.Port)
            {
                leftTheMachine.Add(url.ToString());
                await route.AbortAsync();
                return;
            }
            // A person pastes the key into the IDE's connection settings; the test adds the same header.
            var headers = new Dictionary<string, string>(route.Request.Headers);
            if (url.AbsolutePath == "/graphql" && route.Request.Method == "POST")
                headers["authorization"] = $"Token {GatherApiFactory.AdminKey}";
            await route.ContinueAsync(new() { Headers = headers });
        });
        // A loaded CI machine can take longer than Playwright's 30 s default to build the schema and render.
        context.SetDefaultTimeout(120_000);
        var page = await context.NewPageAsync();

        // Act: open the IDE, wait for the schema, type a query and run it.
        var introspection = page.WaitForResponseAsync(r =>
            r.Request.Method == "POST" && (r.Request.PostData ?? "").Contains("__schema"));
        await page.GotoAsync(new Uri(origin, "/graphql").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Create Document" }).First.ClickAsync();
        var schema = await (await introspection).JsonAsync();
        await page.GetByText("Schema available").WaitForAsync();
        await page.Locator(".monaco-editor").First.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("{ viewer { team { name } scopes } }");
        // The IDE copies the editor into its document after a debounce, and Run before that sends
        // nothing: Run again until the query goes out (waiting for the request, not for a clock),
        // then wait for its answer however long it takes. A busy server's 503 is run again, as a
        // person would.
        await page.Keyboard.PressAsync("Escape");
        System.Text.Json.JsonElement? result = null;
        for (var attempt = 0; attempt < 24 && result is null; attempt++)
        {
            var sent = page.WaitForRequestAsync(r => r.Method == "POST" && (r.PostData ?? "").Contains("viewer"), new() { Timeout = 5_000 });
            await page.GetByRole(AriaRole.Button, new() { Name = "Run Operation" }).ClickAsync();
            IRequest request;
            try
            {
                request = await sent;
            }
            catch (TimeoutException)
            {
                continue; // Not sent: the debounce had not passed.
            }
            // No answer (the IDE dropped the request) or a busy server's refusal: run again.
            if (await request.ResponseAsync() is { Ok: true } answer
                && await answer.JsonAsync() is { } body
                && body.TryGetProperty("data", out var data) && data.ValueKind == System.Text.Json.JsonValueKind.Object)
                result = body;
        }
        Assert.NotNull(result);
        await page.Locator(".monaco-editor").Filter(new() { HasText = "My team" }).First.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsDirectory, "bananacakepop.png") });

        // Assert
        Assert.Empty(leftTheMachine);
        Assert.Equal("Query", schema!.Value.GetProperty("data").GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
        Assert.Equal("My team", result!.Value.GetProperty("data").GetProperty("viewer").GetProperty("team").GetProperty("name").GetString());
    }
}
