using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Gather.Infrastructure.Indexes;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gather.Bench;

/// <summary>
/// What the number of teams on one SQLite file costs. Each team's records have a table of their
/// own, with its key index and three search triggers, and SQLite reads the whole schema into a
/// connection when it opens and again after any schema change (a team created, an index built or
/// dropped). Timed at 10, 100 and <c>--teams</c> teams: creating one more team, a new
/// connection's first statement, and team A's sync of 10 records just after another team built an
/// index, against its sync when nothing changed.
/// </summary>
public sealed class TeamsBenchmark(BenchSettings settings)
{
    private const int Samples = 15;

    public async Task<Report> RunAsync()
    {
        var directory = Directory.CreateTempSubdirectory("gather-bench-teams-").FullName;
        var path = Path.Combine(directory, "teams.db");
        try
        {
            var connections = new SqliteConnectionFactory(Options.Create(new SqliteOptions { Path = path }));
            await new SqliteStoreInitializer(connections, NullLogger<SqliteStoreInitializer>.Instance).InitializeAsync(CancellationToken.None);
            var store = new SqliteStore(connections);
            var a = await DirectStore.CreateTeamAsync(store, "A");
            var orders = await a.CreateModelAsync("Orders", "id");
            await SyncAsync(a, orders.Id, 0, 1000);
            var changer = await DirectStore.CreateTeamAsync(store, "Changer");
            var changerModel = await changer.CreateModelAsync("Orders", "id");
            // Its own connections, as another request's or instance's: a connection that made a
            // change itself has no schema to read again.
            var elsewhere = DirectStore.Open(path, changer.Team.TeamId);

            var report = new Report($"Teams on one SQLite file: team A's syncs of 10 records, {Samples} samples each (medians)");
            var teams = 2;
            var round = 0;
            foreach (var target in new[] { 10, 100, settings.Teams }.Where(n => n <= settings.Teams).Distinct())
            {
                var creating = new List<TimeSpan>();
                while (teams < target)
                {
                    var one = Stopwatch.StartNew();
                    await DirectStore.CreateTeamAsync(store, $"Team {teams}");
                    creating.Add(one.Elapsed);
                    teams++;
                }
                var steady = new List<TimeSpan>();
                var afterChange = new List<TimeSpan>();
                var opening = new List<TimeSpan>();
                for (var i = 0; i < Samples; i++)
                {
                    steady.Add(await TimedSyncAsync(a, orders.Id, round++));
                    // Another team builds (or lets go of) an index: a schema change every connection sees.
                    await elsewhere.FieldIndexes.HoldAsync(IndexOwner.View("view_bench"),
                        i % 2 == 0 ? [new FieldIndexKey(changerModel.Id, new FieldPath(["amount"]))] : [], 20, CancellationToken.None);
                    afterChange.Add(await TimedSyncAsync(a, orders.Id, round++));
                    opening.Add(FirstStatement(path));
                }
                var label = teams.ToString("N0", CultureInfo.InvariantCulture);
                report.Figure($"{label} teams: creating one more (median of the last {creating.Count})", creating.Count == 0 ? "-" : Report.Millis(Median(creating)));
                report.Figure($"{label} teams: a new connection's first statement", Report.Millis(Median(opening)));
                report.Figure($"{label} teams: A's sync, nothing changed", Report.Millis(Median(steady)));
                report.Figure($"{label} teams: A's sync just after another team's index", Report.Millis(Median(afterChange)));
            }
            return report;
        }
        finally
        {
            DirectStore.ReleaseFiles();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    private static TimeSpan Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2);

    /// <summary>An unpooled connection's open and first statement: SQLite reads the schema then.</summary>
    private static TimeSpan FirstStatement(string path)
    {
        var clock = Stopwatch.StartNew();
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM models";
        command.ExecuteScalar();
        return clock.Elapsed;
    }

    private static async Task<TimeSpan> TimedSyncAsync(DirectStore team, string modelId, int round)
    {
        var clock = Stopwatch.StartNew();
        await SyncAsync(team, modelId, round % 100 * 10, 10);
        return clock.Elapsed;
    }

    private static async Task SyncAsync(DirectStore team, string modelId, int start, int count) =>
        await team.Team.Records.SyncAsync(modelId, Enumerable.Range(start, count).Select((id, i) => new RecordPatch(i, $"{id}", new JsonObject
        {
            ["id"] = $"{id}", ["amount"] = id % 5000, ["note"] = $"order {id}", ["touched"] = Environment.TickCount64,
        })).ToList(), DateTimeOffset.UtcNow, CancellationToken.None);
}
