using System.Diagnostics;
using System.Net.Http.Json;
using Gather.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Gather.Tests.Browser;

/// <summary>
/// A view page of 50 rows in Chromium: each page of rows is one GraphQL request, whatever the
/// columns. The time from navigation to the rendered rows is reported (written to the test output
/// and to <c>console-view-timing.txt</c> beside the screenshots), never asserted.
/// </summary>
[Collection(ConsoleBrowserCollection.Name)]
public sealed class ConsoleViewPageBrowserTests(ITestOutputHelper output)
{
    private const int Navigations = 5;

    [SkippableFact]
    public async Task A_view_page_of_50_rows_is_one_GraphQL_request_per_page()
    {
        var chromium = Chromium.FindOrSkip();
        using var app = new GatherApiFactory();
        app.UseKestrel(0);
        app.StartServer();
        var origin = app.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        using var admin = app.CreateClient(GatherApiFactory.AdminKey);
        var orders = (await admin.PostGraphQLAsync("mutation { createModel(input: { name: \"Orders\", idField: \"id\" }) { model { id } } }"))
            .Data!["createModel"]!["model"]!["id"]!.GetValue<string>();
        (await admin.PostAsJsonAsync($"/models/{orders}/records", Enumerable.Range(1, 200).Select(i => new
        {
            id = $"{1000 + i}", amount = i * 3 % 101, status = i % 3 == 0 ? "paid" : "open", placed_at = $"2026-11-{1 + i % 28:D2}T10:00:00Z",
            customer = new { name = $"Customer {i % 17}", city = i % 2 == 0 ? "Paris" : "Lyon" }, note = $"order number {i}",
        }).ToArray())).EnsureSuccessStatusCode();
        await admin.PostGraphQLAsync("mutation($m: ID!) { createView(input: { name: \"Orders\", modelId: $m, order: [{ field: \"amount\", direction: DESC }] }) { view { id } } }", new { m = orders });

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = Chromium.Arguments });
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        var rowRequests = 0;
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/graphql", StringComparison.Ordinal) && (request.PostData ?? "").Contains("RecordsPage"))
                Interlocked.Increment(ref rowRequests);
        };
        await page.GotoAsync(origin + "/");
        await page.GetByLabel("API key").FillAsync(GatherApiFactory.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByTestId("team")).ToHaveTextAsync("My team", new() { Timeout = 60_000 });
        var rows = page.Locator("table.records tbody tr");

        // Act: navigate to the view again and again; each time until its 50 rows are on screen.
        var times = new List<double>();
        for (var i = 0; i < Navigations; i++)
        {
            var requestsBefore = rowRequests;
            var clock = Stopwatch.StartNew();
            await page.GotoAsync(origin + "/views/Orders");
            await Expect(rows).ToHaveCountAsync(50, new() { Timeout = 60_000 });
            await Expect(page.Locator("table.records")).Not.ToHaveAttributeAsync("aria-busy", "true", new() { Timeout = 60_000 });
            times.Add(clock.Elapsed.TotalMilliseconds);
            Assert.Equal(1, rowRequests - requestsBefore);
        }
        var beforeNext = rowRequests;
        var firstOnPageOne = (await rows.First.Locator("td").First.TextContentAsync())!;
        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(rows.First.Locator("td").First).Not.ToHaveTextAsync(firstOnPageOne, new() { Timeout = 60_000 });
        await Expect(rows).ToHaveCountAsync(50);

        // Assert
        Assert.Equal(1, rowRequests - beforeNext);
        Assert.Contains("200 records", await page.Locator(".count").TextContentAsync());
        times.Sort();
        var report = $"Navigation to a rendered 50-row view page ({Navigations} runs, loopback, SQLite): " +
                     $"median {times[Navigations / 2]:F0} ms, min {times[0]:F0} ms, max {times[^1]:F0} ms";
        output.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(Chromium.ArtifactsDirectory, "console-view-timing.txt"), report + Environment.NewLine);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsDirectory, "console-view-50-rows.png"), FullPage = true });
    }
}
