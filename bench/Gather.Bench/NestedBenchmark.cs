using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Operations;
using Gather.Infrastructure.Records.Querying;
using Microsoft.Extensions.Options;

namespace Gather.Bench;

/// <summary>
/// The relationships benchmark: accounts → customers → projects through GraphQL against the
/// same three reads written by hand on the adapter (a page of accounts, then each level's
/// related records for all parents at once), and the store round trips the query costs.
/// </summary>
public sealed class NestedBenchmark(BenchSettings settings)
{
    private const int Accounts = 100, CustomersPerAccount = 10, ProjectsPerCustomer = 5;

    private const string Query = """
        {
          accounts(first: 100) {
            nodes { name customers(first: 10) { nodes { email related(name: "projects", first: 5) { nodes { id fields } } } } }
          }
        }
        """;

    private const string TwoLevels = """{ accounts(first: 100) { nodes { name customers(first: 10) { nodes { email } } } } }""";

    private const string OneLevel = """{ accounts(first: 100) { nodes { name } } }""";

    public async Task<Report> RunAsync()
    {
        var report = new Report($"Relationships: {Accounts} accounts × {CustomersPerAccount} customers × {ProjectsPerCustomer} projects, SQLite");
        var directory = Directory.CreateTempSubdirectory("gather-bench-").FullName;
        try
        {
            var accounts = Enumerable.Range(0, Accounts).Select(a => new JsonObject { ["name"] = $"Account {a:D3}", ["plan"] = a % 3 == 0 ? "enterprise" : "team" }).ToList();
            var customers = Enumerable.Range(0, Accounts * CustomersPerAccount).Select(c => new JsonObject
            {
                ["email"] = $"c{c:D4}@example.com", ["account"] = $"Account {c / CustomersPerAccount:D3}", ["name"] = $"Customer {c}",
            }).ToList();
            var projects = Enumerable.Range(0, customers.Count * ProjectsPerCustomer).Select(p => new JsonObject
            {
                ["id"] = $"p{p:D5}", ["owner"] = $"c{p / ProjectsPerCustomer:D4}@example.com", ["stage"] = p % 2 == 0 ? "live" : "pilot", ["seats"] = p % 40,
            }).ToList();

            Console.WriteLine("Seeding the adapter and the server…");
            var direct = await DirectStore.CreateAsync(Path.Combine(directory, "direct.db"));
            var standard = await direct.CreateStandardModelsAsync();
            var (accountModel, customerModel) = (standard.Single(m => m.Name == StandardModels.Account), standard.Single(m => m.Name == StandardModels.Customer));
            var projectModel = await direct.CreateModelAsync("Projects", "id");
            foreach (var (model, records) in new[] { (accountModel, accounts), (customerModel, customers), (projectModel, projects) })
                foreach (var chunk in records.Chunk(1_000))
                    await direct.Team.Records.SyncAsync(model.Id, chunk.Select((r, i) => new RecordPatch(i, r[model.IdField]!.GetValue<string>(), (JsonObject)r.DeepClone())).ToList(),
                        DateTimeOffset.UtcNow, CancellationToken.None);

            await using var server = await GatherServer.StartAsync(settings.ServerDll, Path.Combine(directory, "server.db"));
            using var client = new GatherClient(server.Address, GatherServer.AdminKey);
            var serverModels = (await client.GraphQLAsync("{ models { id name } }"))["models"]!.AsArray()
                .ToDictionary(m => m!["name"]!.GetValue<string>(), m => m!["id"]!.GetValue<string>());
            var projectsId = await client.CreateModelAsync("Projects", "id");
            foreach (var (modelId, records) in new[] { (serverModels["Account"], accounts), (serverModels["Customer"], customers), (projectsId, projects) })
                foreach (var chunk in records.Chunk(1_000))
                    await client.SyncAsync(modelId, Encoding.UTF8.GetBytes(new JsonArray(chunk.Select(r => (JsonNode)r.DeepClone()).ToArray()).ToJsonString()));
            await client.GraphQLAsync("""
                mutation($input: CreateRelationshipInput!) { createRelationship(input: $input) { relationship { id } } }
                """, new JsonObject
            {
                ["input"] = new JsonObject
                {
                    ["fromModelId"] = projectsId, ["fromField"] = "owner", ["toModelId"] = serverModels["Customer"], ["toField"] = "email",
                    ["name"] = "owner", ["inverseName"] = "projects",
                },
            });

            // The hand-written equivalent: one page of accounts, then each level's related records for all parents at once.
            var builder = new RecordQueryBuilder(Options.Create(new QueryOptions()), Options.Create(new SyncOptions()));
            RecordQuery Page(int size) => builder.Build(null, null, null, new PageInput(First: size)).Value!;
            var team = direct.Team.Records;
            async Task<int> HandWrittenAsync()
            {
                var accountPage = await team.QueryAsync(accountModel.Id, Page(Accounts), CancellationToken.None);
                var customerPages = await team.QueryRelatedAsync(customerModel.Id,
                    new RecordLink(new FieldPath(["account"]), accountPage.Records.Select(r => r.Key).ToList()), Page(CustomersPerAccount), CancellationToken.None);
                var projectPages = await team.QueryRelatedAsync(projectModel.Id,
                    new RecordLink(new FieldPath(["owner"]), customerPages.Values.SelectMany(p => p.Records).Select(r => r.Key).ToList()),
                    Page(ProjectsPerCustomer), CancellationToken.None);
                return projectPages.Values.Sum(p => p.Records.Count);
            }

            var handWrittenProjects = await HandWrittenAsync();
            // The first request after the seeding checks the team's typed schema (4 round trips of its own); count the query's.
            await client.GraphQLAsync("{ __typename }");
            var graphQLProjects = (await client.GraphQLAsync(Query))["accounts"]!["nodes"]!.AsArray()
                .Sum(a => a!["customers"]!["nodes"]!.AsArray().Sum(c => c!["related"]!["nodes"]!.AsArray().Count));
            var expected = Accounts * CustomersPerAccount * ProjectsPerCustomer;
            if (handWrittenProjects != expected || graphQLProjects != expected)
                throw new InvalidOperationException($"Expected {expected} projects; the adapter read {handWrittenProjects}, GraphQL {graphQLProjects}.");
            var threeLevels = client.LastRoundTrips;
            await client.GraphQLAsync(TwoLevels);
            var twoLevels = client.LastRoundTrips;
            await client.GraphQLAsync(OneLevel);
            var oneLevel = client.LastRoundTrips;

            Console.WriteLine("Timing: GraphQL against the hand-written adapter reads, alternating…");
            var (handWritten, graphQL) = await Measure.MediansAsync(settings.Warmups, settings.Runs, HandWrittenAsync, () => client.GraphQLAsync(Query));

            report.Figure("hand-written adapter reads (median)", Report.Millis(handWritten));
            report.Figure("GraphQL over HTTP (median)", Report.Millis(graphQL));
            report.Figure("records returned", (Accounts + Accounts * CustomersPerAccount + expected).ToString("N0", CultureInfo.InvariantCulture));
            // A one-level query reads the key, the team's models and one page; navigating adds the
            // team's relationships once; what remains are the data reads, which should be one per level.
            var perRequest = oneLevel - 1;
            var dataReads = threeLevels - perRequest - 1;
            report.Figure("store round trips, 1 / 2 / 3 levels", $"{oneLevel} / {twoLevels} / {threeLevels}");
            report.Figure("of which per request", $"{perRequest} (API key, team's models) + 1 (relationships, once navigating)");
            report.Figure("data round trips for 3 levels", dataReads.ToString(CultureInfo.InvariantCulture));
            report.AtMost("nested query: GraphQL / hand-written", graphQL / handWritten, 3.0);
            report.AtMost("data round trips / nesting depth (3)", dataReads / 3.0, 1.0);
            return report;
        }
        finally
        {
            DirectStore.ReleaseFiles();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }
}
