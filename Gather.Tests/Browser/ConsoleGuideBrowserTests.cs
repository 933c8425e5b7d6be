using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Gather.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Gather.Tests.Browser;

/// <summary>
/// The product guide walked through the console in a real Chromium, as a person would: sign in,
/// Add New Model, sync orders with the guide's curl call, connect Stripe (the fake), add the Sync
/// Stripe Charges task from the lists, Add View, filter by the charge's status, sort by its
/// amount, save, search, open a record and go on to its account, the account's customers and
/// their Stripe charges. Every wait is for something visible; each screen is saved as a screenshot.
/// </summary>
[Collection(ConsoleBrowserCollection.Name)]
public sealed class ConsoleGuideBrowserTests
{
    /// <summary>Long enough for a slow, shared machine; the waits end as soon as the state shows.</summary>
    private const float VisibleTimeout = 60_000;

    [SkippableFact]
    public async Task A_person_follows_the_guide_through_the_console()
    {
        var chromium = Chromium.FindOrSkip();
        await using var host = await StripeGuideHost.StartAsync();
        host.Factory.UseKestrel(0);
        host.Factory.StartServer();
        var origin = host.Factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = Chromium.Arguments });
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(VisibleTimeout);
        SetDefaultExpectTimeout(VisibleTimeout);
        var shots = new Screens(page);

        // Sign in with the key Gather printed on its first start.
        await page.GotoAsync(origin + "/");
        await shots.TakeAsync("01-sign-in");
        await page.GetByLabel("API key").FillAsync(GatherApiFactory.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByTestId("team")).ToHaveTextAsync("My team");
        await Expect(page.GetByTestId("scopes")).ToHaveTextAsync("ADMIN");

        // Settings → Data models → Add New Model "Orders" with ID field "id"; the page shows the Model ID and the curl line.
        await Nav(page, "Data models").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add New Model" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Orders");
        await page.GetByLabel("ID field").FillAsync("id");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create model" }).ClickAsync();
        var modelId = (await page.GetByTestId("new-model-id").TextContentAsync())!;
        await Expect(page.GetByTestId("sync-command")).ToContainTextAsync($"curl {origin}/models/{modelId}/records");
        await shots.TakeAsync("02-data-models-new-model");

        // The backend syncs orders as the guide shows (form fields), then a batch.
        using var backend = host.Factory.CreateClient(GatherApiFactory.AdminKey);
        (await backend.PostAsync($"/models/{modelId}/records", new FormUrlEncodedContent(
            [new("id", "1234"), new("amount", "75"), new("stripe_charge_id", "ch_fake000000000"), new("account", "Customer 0")]))).EnsureSuccessStatusCode();
        (await backend.PostAsJsonAsync($"/models/{modelId}/records", new object[]
        {
            new { id = "1235", amount = 20, stripe_charge_id = "ch_fake000001000", account = "Customer 1" },
            new { id = "1236", amount = 35, stripe_charge_id = "ch_fake000001002", account = "Customer 1" },
            new { id = "1237", amount = 50, stripe_charge_id = "ch_fake000002002", account = "Customer 2" },
            new { id = "1238", amount = 10, stripe_charge_id = "ch_fake000004001", account = "Customer 4" },
        })).EnsureSuccessStatusCode();

        // The model's page: its catalogue, and a relationship from an order to its account.
        await page.GetByRole(AriaRole.Link, new() { Name = "Orders", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "stripe_charge_id", Exact = true })).ToBeVisibleAsync();
        await page.GetByLabel("From field of Orders").FillAsync("account");
        await page.GetByLabel("To model").SelectOptionAsync(new SelectOptionValue { Label = "Account" });
        await page.GetByLabel("Name (from this model)").FillAsync("account");
        await page.GetByLabel("Inverse name (from the other model)").FillAsync("orders");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create relationship" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Delete relationship account" })).ToBeVisibleAsync();
        await shots.TakeAsync("03-model-page");

        // Settings → Integrations: connect Stripe, Edit Tasks, add Sync Stripe Charges from the lists, see it finish.
        await Nav(page, "Integrations").ClickAsync();
        await page.GetByLabel("Stripe secret key").FillAsync(FakeStripeServer.SecretKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect Stripe" }).ClickAsync();
        await Expect(page.GetByTestId("stripe-last4")).ToHaveTextAsync(FakeStripeServer.SecretKey[^4..]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Tasks" }).ClickAsync();
        await page.GetByLabel("Model ID").SelectOptionAsync(modelId);
        await page.GetByLabel("Stripe Charge ID Field").SelectOptionAsync("stripe_charge_id");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add Sync Stripe Charges" }).ClickAsync();
        await Expect(TaskStatus(page, "Sync Stripe Charges")).ToHaveTextAsync("Succeeded");
        await Expect(TaskStatus(page, "Sync Stripe Customers")).ToHaveTextAsync("Succeeded");
        // Every order's charge id was found: the task says when it checked, and names nothing it could not match.
        var unmatched = page.GetByTestId("task-row").Filter(new() { HasText = "Sync Stripe Charges" }).GetByTestId("task-unmatched");
        await Expect(unmatched).ToContainTextAsync("checked");
        await Expect(unmatched).Not.ToContainTextAsync("does not know");
        await shots.TakeAsync("04-integrations-tasks");

        // Views → Add View on Orders: each row has its custom data and its charge.
        await Nav(page, "Views").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add View" }).ClickAsync();
        await page.GetByLabel("View name").FillAsync("Orders");
        await page.GetByLabel("Model").SelectOptionAsync(new SelectOptionValue { Label = "Orders" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create view" }).ClickAsync();
        var rows = page.Locator("table.records tbody tr");
        await Expect(rows).ToHaveCountAsync(5);
        await Expect(page.Locator("table.records thead")).ToContainTextAsync("Stripe charge · Status");
        await Expect(rows.Filter(new() { HasText = "1237" })).ToContainTextAsync("$8.00");
        await Expect(page.Locator(".count")).ToContainTextAsync("5 records");
        await shots.TakeAsync("05-view-orders");

        // Filter by the charge's status, from the model's catalogue.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add filter" }).ClickAsync();
        var filter = page.GetByRole(AriaRole.Group, new() { Name = "Filter 1" });
        await filter.GetByLabel("Field").SelectOptionAsync("stripeCharge.status");
        await filter.GetByLabel("Value").FillAsync("succeeded");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(page.Locator(".count")).ToContainTextAsync("4 records");
        await Expect(rows).ToHaveCountAsync(4);

        // Sort by the charge's amount: a second click sorts descending.
        var amountHeader = page.Locator("th button[title='stripeCharge.amount']");
        await amountHeader.ClickAsync();
        await Expect(rows.First.Locator("td").First).ToHaveTextAsync("1234");
        await amountHeader.ClickAsync();
        await Expect(rows.First.Locator("td").First).ToHaveTextAsync("1237");
        await Expect(page).ToHaveURLAsync(new Regex("sort=stripeCharge.amount%3Adesc"));
        await shots.TakeAsync("06-view-filtered-sorted");

        // Save makes them the view's defaults: the address is plain again, the rows stay.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/views/Orders$"));
        await Expect(rows).ToHaveCountAsync(4);
        await Expect(rows.First.Locator("td").First).ToHaveTextAsync("1237");

        // Search in the records' text, attached charges included.
        await page.Locator("#record-search").FillAsync("ch_fake000004001");
        await page.Locator("#record-search").PressAsync("Enter");
        await Expect(page.Locator(".count")).ToContainTextAsync("1 record");
        await Expect(rows.First.Locator("td").First).ToHaveTextAsync("1238");
        await page.Locator("#record-search").FillAsync("");
        await page.Locator("#record-search").PressAsync("Enter");
        await Expect(rows).ToHaveCountAsync(4);

        // Open a record, then its account, the account's customers, and their Stripe charges.
        await rows.First.GetByRole(AriaRole.Link, new() { Name = "1237" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Orders: 1237" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Stripe charge", Exact = true })).ToBeVisibleAsync();
        await shots.TakeAsync("07-record-order");
        await page.GetByRole(AriaRole.Link, new() { Name = "Account: Customer 2" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Account: Customer 2" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" })).ToContainTextAsync("Orders 1237");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "1237", Exact = true })).ToBeVisibleAsync();
        await shots.TakeAsync("08-record-account");
        await page.GetByRole(AriaRole.Link, new() { Name = "customer2@example.com" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Customer: customer2@example.com" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table).Filter(new() { HasText = "ch_fake000002002" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" })).ToContainTextAsync("Account Customer 2");
        await shots.TakeAsync("09-record-customer-charges");

        // Accounts and Customers have their own lists.
        await Nav(page, "Accounts").ClickAsync();
        await Expect(page.Locator(".count")).ToContainTextAsync("10 records");
        await shots.TakeAsync("10-accounts");

        // Settings → Developer: a READ key, its secret shown once.
        await Nav(page, "Developer").ClickAsync();
        await page.GetByLabel("Key name").FillAsync("reader");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var readerKey = (await page.GetByTestId("new-secret").TextContentAsync())!;
        await shots.TakeAsync("11-developer-keys");

        // Banana Cake Pop's page at /graphql is authenticated by the same session.
        await page.GotoAsync(origin + "/graphql");
        var viewer = await page.EvaluateAsync<string>("""
            fetch("/graphql", { method: "POST", headers: { "Content-Type": "application/json" },
              body: JSON.stringify({ query: "{ viewer { team { name } } }" }) }).then(r => r.json()).then(j => j.data.viewer.team.name)
            """);
        Assert.Equal("My team", viewer);

        // A READ key sees the actions it may not take, disabled with the reason.
        await page.GotoAsync(origin + "/views");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByLabel("API key").FillAsync(readerKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByTestId("scopes")).ToHaveTextAsync("READ");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add View" })).ToBeDisabledAsync();
        await Expect(page.GetByText("Saving views needs a key that may manage views")).ToBeVisibleAsync();
        await shots.TakeAsync("12-read-only-views");

        // Revoking that key sends the person back to sign in, with the server's words.
        await backend.PostGraphQLAsync("mutation { revokeApiKey(input: { id: \"" + await KeyIdAsync(backend, "reader") + "\" }) { apiKey { id } } }");
        await page.GetByRole(AriaRole.Link, new() { Name = "Orders" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("revoked");
        await shots.TakeAsync("13-signed-out-revoked");
    }

    private static ILocator Nav(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    private static ILocator TaskStatus(IPage page, string task) =>
        page.GetByTestId("task-row").Filter(new() { HasText = task }).GetByTestId("task-status");

    private static async Task<string> KeyIdAsync(HttpClient admin, string name) =>
        (await admin.PostGraphQLAsync("{ apiKeys { id name } }")).Data!["apiKeys"]!.AsArray()
            .Single(k => k!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<string>();

    /// <summary>One screenshot per screen, numbered in the order a person meets them.</summary>
    private sealed class Screens(IPage page)
    {
        public Task TakeAsync(string name) =>
            page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsDirectory, $"console-{name}.png"), FullPage = true });
    }
}
