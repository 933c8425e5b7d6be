using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gather.Tests.Support;
using GraphQLParser;
using GraphQLParser.AST;
using static Gather.Tests.Support.IntegrationTaskSteps;

namespace Gather.Tests.Docs;

/// <summary>
/// Every GraphQL example in the guides (and the README's query) is a whole document a reader can paste into Banana Cake
/// Pop, and Gather accepts it: each operation is sent to a team that has what the guides talk
/// about (Orders with a project and a Stripe charge attached), with every variable set to a
/// made-up id, and must pass parsing and validation (a 400 would mean it did not). Made-up ids
/// find nothing, so the mutations change nothing. The quickstart's run in QuickstartTests.
/// </summary>
public sealed class GuideExampleTests : IAsyncLifetime
{
    private StripeGuideHost _host = null!;

    public async Task InitializeAsync() => _host = await StripeGuideHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Every_GraphQL_example_of_the_guides_passes_validation_against_a_team_schema()
    {
        await GuidesTeamAsync(_host.Admin);
        var examples = RepositoryFiles.Documents()
            .Where(d => d.StartsWith("docs/guides/", StringComparison.Ordinal))
            .SelectMany(d => FencedBlock.Parse(RepositoryFiles.Read(d)).Where(b => b.Language == "graphql").Select(b => (Page: d, b.Text)))
            .ToList();
        // The README's taste of the API sends its query in a JSON body.
        var readmeQuery = Regex.Match(RepositoryFiles.Read("README.md"), "\"query\":\"(?<q>[^']*)\"}'").Groups["q"].Value;
        Assert.Contains("orders(", readmeQuery);
        examples.Add(("README.md", readmeQuery.Replace("\\\"", "\"")));

        var refused = new List<string>();
        var operations = 0;
        foreach (var (page, text) in examples)
        {
            foreach (var operation in Parser.Parse(text).Definitions.OfType<GraphQLOperationDefinition>())
            {
                operations++;
                var variables = (operation.Variables?.Items ?? []).ToDictionary(v => v.Variable.Name.StringValue, _ => (object)"id_not_there");
                using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
                {
                    Content = JsonContent.Create(new { query = text, operationName = operation.Name?.StringValue, variables }),
                };
                request.Headers.Add("Accept", "application/graphql-response+json");
                var answer = await _host.Admin.SendGraphQLAsync(request);
                if (answer.Status != HttpStatusCode.OK)
                    refused.Add($"{page}: {(int)answer.Status} {answer.Body.ToJsonString()}\n{text}");
            }
        }

        Assert.True(examples.Count >= 10 && operations > examples.Count, $"{examples.Count} examples, {operations} operations");
        Assert.True(refused.Count == 0, string.Join("\n\n", refused));
    }

    /// <summary>Orders with an amount, a status, a date, a project (as projectRecord) and a Stripe charge attached by a task.</summary>
    private static async Task GuidesTeamAsync(HttpClient admin)
    {
        var orders = await CreateModelAsync(admin, "Orders");
        var projects = await CreateModelAsync(admin, "Projects");
        (await admin.PostAsJsonAsync($"/models/{projects}/records", new[] { new { id = "p1", title = "Launch" } })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/models/{orders}/records", new[]
        {
            new { id = "1234", amount = 75, status = "paid", placed_at = "2026-11-23T10:00:00.000Z", project = "p1", stripe_charge_id = "ch_fake000000000" },
        })).EnsureSuccessStatusCode();
        var related = await admin.PostGraphQLAsync("""
            mutation($o: ID!, $p: ID!) { createRelationship(input: { fromModelId: $o, fromField: "project", toModelId: $p, toField: "id",
              name: "projectRecord", inverseName: "orders" }) { errors { message } } }
            """, new { o = orders, p = projects });
        Assert.Null(related.Data!["createRelationship"]!["errors"]);
        var task = await CreateChargesTaskAsync(admin, await ConnectStripeAsync(admin), orders);
        await WaitForTaskAsync(admin, task, t => Is(t, "SUCCEEDED"));
    }

    private static async Task<string> CreateModelAsync(HttpClient admin, string name)
    {
        var created = (await admin.PostGraphQLAsync("""mutation($n: String!) { createModel(input: { name: $n, idField: "id" }) { model { id } errors { message } } }""",
            new { n = name })).Data!["createModel"]!;
        Assert.Null(created["errors"]);
        return created["model"]!["id"]!.GetValue<string>();
    }
}
