using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gather.Tests.Support;

namespace Gather.Tests.Docs;

/// <summary>
/// docs/quickstart.md, run as a reader runs it: its start commands start the fake Stripe and
/// Gather as real processes, its bash blocks run in order in one shell, its GraphQL blocks are
/// sent as the IDE sends them, and what it says a command prints is what the command prints.
/// </summary>
public sealed class QuickstartTests
{
    private const string Document = "docs/quickstart.md";
    private const string GatherInDocument = "http://localhost:5000";
    private const string StripeInDocument = "http://127.0.0.1:12111";

    /// <summary>What a command shows where the quickstart tells in words rather than with its output.</summary>
    private static readonly (string Command, bool Repeat, Func<string, bool> Holds)[] Outcomes =
    [
        ("createIntegrationTask(", false, o => o.Contains("\"kind\":\"SYNC_STRIPE_CHARGES\"") && o.Contains("\"errors\":null")),
        // "Ask for the tasks until SYNC_STRIPE_CHARGES shows SUCCEEDED": repeated as the reader would, for a bounded time.
        ("{ integrationTasks {", true, ChargesTaskSucceeded),
        ("createView(", false, o => o.Contains("\"name\":\"Orders\"") && o.Contains("\"errors\":null")),
    ];

    [Fact]
    public async Task Every_command_of_the_quickstart_runs_and_prints_what_the_quickstart_shows()
    {
        var markdown = RepositoryFiles.Read(Document);
        var blocks = FencedBlock.Parse(markdown);
        var gather = $"http://127.0.0.1:{QuickstartProcess.FreePort()}";
        var stripe = $"http://127.0.0.1:{QuickstartProcess.FreePort()}";
        string Here(string text) => text.Replace(GatherInDocument, gather).Replace(StripeInDocument, stripe);
        var key = Regex.Match(markdown, @"Gather__Bootstrap__ApiKey=(\S+)").Groups[1].Value;
        var data = Directory.CreateTempSubdirectory("gather-quickstart-");
        var servers = new List<QuickstartProcess>();
        var ran = new List<string>();
        var graphQLAnswers = new List<string>();
        try
        {
            await using var shell = new ShellSession();
            // What the quickstart says a reader needs besides .NET: missing, the test fails saying so.
            var missing = await shell.RunAsync("for tool in curl jq; do command -v $tool >/dev/null || echo \"The quickstart needs $tool\"; done");
            Assert.True(missing.Length == 0, missing);
            for (var i = 0; i < blocks.Count; i++)
            {
                var block = blocks[i];
                var shown = i + 1 < blocks.Count && blocks[i + 1].Language is "json" or "text" ? blocks[i + 1] : null;
                switch (block.Language)
                {
                    case "bash" when block.Text.Contains("dotnet run --project", StringComparison.Ordinal):
                        var command = Here(block.Text.Replace("\\\n", " "));
                        var fakeStripe = command.Contains("Gather.FakeStripe", StringComparison.Ordinal);
                        var server = QuickstartProcess.Start(command, fakeStripe ? stripe : gather, data.FullName);
                        servers.Add(server);
                        await server.WaitUntilAnsweringAsync(new Uri(fakeStripe ? $"{stripe}/v1/customers" : $"{gather}/health/live"));
                        ran.Add(command);
                        break;
                    case "bash":
                        await RunAsync(shell, Here(block.Text), block.Text, shown);
                        ran.Add(block.Text);
                        break;
                    case "graphql":
                        graphQLAnswers.Add(await SendAsync(gather, key, block.Text));
                        ran.Add(block.Text);
                        break;
                    case "json" or "text":
                        Assert.True(i > 0 && blocks[i - 1].Language == "bash", $"Output shown after no command:\n{block.Text}");
                        break;
                    default:
                        Assert.Fail($"The quickstart has a block no test runs ({block.Language}):\n{block.Text}");
                        break;
                }
            }

            var gatherOutput = servers.Last().Output;
            Assert.Contains($"Gather is ready. Console: {gather}/  Banana Cake Pop: {gather}/graphql", gatherOutput);
            await EveryAddressInTheProseOpensAsync(Here(FencedBlock.Prose(markdown)), gather);
        }
        finally
        {
            foreach (var server in servers)
                await server.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { data.Delete(recursive: true); } catch (IOException) { /* best effort */ }
        }

        Assert.Equal(2, ran.Count(c => c.Contains("dotnet run --project", StringComparison.Ordinal)));
        Assert.Equal(blocks.Count(b => b.Language is "bash" or "graphql"), ran.Count);
        // Both GraphQL blocks read the view's orders: paid ones, largest amount first.
        Assert.Equal(2, graphQLAnswers.Count);
        Assert.All(graphQLAnswers, answer => Assert.Matches("(?s)\"1234\".*\"1237\".*\"1235\"", answer));
        Assert.All(graphQLAnswers, answer => Assert.DoesNotContain("\"1236\"", answer));
    }

    private static async Task RunAsync(ShellSession shell, string command, string asWritten, FencedBlock? shown)
    {
        var outcomes = Outcomes.Where(o => asWritten.Contains(o.Command, StringComparison.Ordinal)).ToList();
        Assert.True(shown is not null || outcomes.Count == 1,
            $"A command whose outcome the quickstart neither shows nor has a check for here:\n{asWritten}");
        var output = await shell.RunAsync(command);
        if (shown is not null)
            Assert.True(shown.Shows(output), $"The quickstart shows:\n{shown.Text}\nThe command printed:\n{output}");
        if (outcomes.Count == 0)
            return;
        var (_, repeat, holds) = outcomes.Single();
        for (var attempt = 0; repeat && !holds(output) && attempt < 60; attempt++)
        {
            await Task.Delay(1000);
            output = await shell.RunAsync(command);
        }
        Assert.True(holds(output), $"Not what the quickstart says:\n{asWritten}\nprinted:\n{output}");
    }

    private static bool ChargesTaskSucceeded(string output)
    {
        var charges = JsonNode.Parse(output)!["data"]!["integrationTasks"]!.AsArray()
            .Single(t => t!["kind"]!.GetValue<string>() == "SYNC_STRIPE_CHARGES")!;
        // Every order names a charge the fake Stripe has, the declined one included.
        return charges["status"]!.GetValue<string>() == "SUCCEEDED"
            && charges["progress"]!["recordsUpdated"]!.GetValue<int>() == 4
            && charges["warnings"]!.AsArray().Count == 0;
    }

    private static async Task<string> SendAsync(string gather, string key, string document)
    {
        using var client = new HttpClient { BaseAddress = new Uri(gather) };
        client.DefaultRequestHeaders.Add("Authorization", $"Token {key}");
        var answer = await client.PostGraphQLAsync(document);
        Assert.True(answer.Status == HttpStatusCode.OK && answer.Errors is null, $"{document}\nanswered {answer.Status}: {answer.Body.ToJsonString()}");
        return answer.Body.ToJsonString();
    }

    /// <summary>The console and IDE pages the quickstart tells a reader to open answer a browser.</summary>
    private static async Task EveryAddressInTheProseOpensAsync(string prose, string gather)
    {
        var addresses = Regex.Matches(prose, Regex.Escape(gather) + @"[^\s)<>*]*").Select(m => m.Value.TrimEnd('.', ',', ';', ':')).Distinct().ToList();
        Assert.Contains($"{gather}/views/Orders", addresses);
        using var browser = new HttpClient();
        foreach (var address in addresses)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, address);
            request.Headers.Add("Accept", "text/html");
            using var response = await browser.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/html",
                $"{address} answered {(int)response.StatusCode} {response.Content.Headers.ContentType}");
        }
    }
}
