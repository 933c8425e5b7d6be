using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Gather.Infrastructure.Indexes;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Teams;

namespace Gather.Bench;

/// <summary>
/// Cross-team cost of field indexes on the embedded store: team B's sync rate after team A churns
/// Sync Stripe Charges tasks (40 created and deleted); B's rate while A, then A and three more
/// teams, hold their limit of indexes (each team's records have a table of their own, so B's
/// writes should not see them); and the longest pause B's syncs see while A's index is built on
/// A's big model (SQLite has one writer per file, so that one they do see).
/// </summary>
public sealed class FairnessBenchmark(BenchSettings settings)
{
    private const int Churn = 40, Syncs = 100, Rounds = 5, RecordsPerSync = 10, MoreTeamsAtLimit = 3;

    public async Task<Report> RunAsync()
    {
        var directory = Directory.CreateTempSubdirectory("gather-bench-fairness-").FullName;
        var path = Path.Combine(directory, "fairness.db");
        try
        {
            var a = await DirectStore.CreateAsync(path);
            var b = await DirectStore.CreateAsync(path);
            var orders = await a.CreateModelAsync("Orders", "id");
            var theirs = await b.CreateModelAsync("Orders", "id");
            for (var start = 0; start < settings.Records; start += 1000)
                await SyncAsync(a.Team, orders.Id, Enumerable.Range(start, Math.Min(1000, settings.Records - start)));
            await SyncAsync(b.Team, theirs.Id, Enumerable.Range(0, 1000));
            await RateAsync(b.Team, theirs.Id); // Warm-up.

            var quiet = await RateAsync(b.Team, theirs.Id);

            for (var i = 0; i < Churn; i++)
            {
                var owner = IndexOwner.IntegrationTask($"task_{i}");
                await a.Team.FieldIndexes.HoldAsync(owner, [new FieldIndexKey(orders.Id, new FieldPath([$"charge_{i}"]))], 20, CancellationToken.None);
                await a.Team.FieldIndexes.HoldAsync(owner, [], 20, CancellationToken.None);
            }
            var afterChurn = await RateAsync(b.Team, theirs.Id);
            var holding = new List<(ITeamStore Team, string ModelId)> { (a.Team, orders.Id) };
            await HoldLimitAsync(a.Team, orders.Id, hold: true);
            var atLimit = await RateAsync(b.Team, theirs.Id);
            // Three more teams at their limit too.
            for (var t = 0; t < MoreTeamsAtLimit; t++)
            {
                var other = await DirectStore.CreateAsync(path, $"Other{t}");
                var model = await other.CreateModelAsync("Orders", "id");
                await SyncAsync(other.Team, model.Id, Enumerable.Range(0, 100));
                holding.Add((other.Team, model.Id));
                await HoldLimitAsync(other.Team, model.Id, hold: true);
            }
            var manyAtLimit = await RateAsync(b.Team, theirs.Id);
            foreach (var (team, modelId) in holding)
                await HoldLimitAsync(team, modelId, hold: false);

            // B syncs one batch after another while A's index is built on A's whole model.
            using var building = new CancellationTokenSource();
            var pauses = Task.Run(async () =>
            {
                var longest = TimeSpan.Zero;
                var round = 0;
                while (!building.IsCancellationRequested)
                {
                    var one = Stopwatch.StartNew();
                    await SyncAsync(b.Team, theirs.Id, Enumerable.Range(round++ % 100 * RecordsPerSync, RecordsPerSync));
                    longest = one.Elapsed > longest ? one.Elapsed : longest;
                    await Task.Delay(5); // A steady load, not a saturating one: back-to-back writers starve SQLite's busy wait.
                }
                return longest;
            });
            await Task.Delay(200);
            var build = Stopwatch.StartNew();
            await a.Team.FieldIndexes.HoldAsync(IndexOwner.IntegrationTask("task_big"),
                [new FieldIndexKey(orders.Id, new FieldPath(["stripe_charge_id"]))], 20, CancellationToken.None);
            build.Stop();
            await Task.Delay(200);
            await building.CancelAsync();
            var longestPause = await pauses;

            var report = new Report($"Cross-team index cost: team A {settings.Records.ToString("N0", CultureInfo.InvariantCulture)} records, team B syncs of {RecordsPerSync}");
            report.Figure("B syncs/s, quiet", Rate(quiet));
            report.Figure($"B syncs/s, after A created and deleted {Churn} tasks", Rate(afterChurn));
            report.Figure("B syncs/s, A holding 20 partial indexes (its limit)", Rate(atLimit));
            report.Figure($"B syncs/s, A and {MoreTeamsAtLimit} more teams holding 20 each", Rate(manyAtLimit));
            report.Figure("A's index build on its model", Report.Millis(build.Elapsed));
            report.Figure("B's longest sync during the build", Report.Millis(longestPause));
            report.AtLeast("B after churn / quiet", afterChurn / quiet, 0.8);
            report.AtLeast("B with A at its limit / quiet", atLimit / quiet, 0.8);
            report.AtLeast($"B with A and {MoreTeamsAtLimit} more teams at their limit / quiet", manyAtLimit / quiet, 0.8);
            return report;
        }
        finally
        {
            DirectStore.ReleaseFiles();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    /// <summary>Holds (or lets go of) the team's limit of 20 indexes, one per charge field of its model.</summary>
    private static async Task HoldLimitAsync(ITeamStore team, string modelId, bool hold)
    {
        for (var i = 0; i < 20; i++)
            await team.FieldIndexes.HoldAsync(IndexOwner.IntegrationTask($"held_{i}"),
                hold ? [new FieldIndexKey(modelId, new FieldPath([$"charge_{i}"]))] : [], 20, CancellationToken.None);
    }

    private static string Rate(double perSecond) => perSecond.ToString("0", CultureInfo.InvariantCulture);

    /// <summary>
    /// Syncs per second of small upserts, one after another: the median of <see cref="Rounds"/>
    /// rounds, after a round not counted. A single timed stretch moved by a fifth from one run to
    /// the next, with the checkpoint of the pages A's index builds just wrote landing in it or not.
    /// </summary>
    private static async Task<double> RateAsync(ITeamStore team, string modelId)
    {
        var rates = new List<double>();
        for (var round = 0; round <= Rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < Syncs; i++)
                await SyncAsync(team, modelId, Enumerable.Range((round * Syncs + i) % 100 * RecordsPerSync, RecordsPerSync));
            if (round > 0)
                rates.Add(Syncs / clock.Elapsed.TotalSeconds);
        }
        return rates.Order().ElementAt(rates.Count / 2);
    }

    private static async Task SyncAsync(ITeamStore team, string modelId, IEnumerable<int> ids) =>
        await team.Records.SyncAsync(modelId, ids.Select((id, i) => new RecordPatch(i, $"{id}", new JsonObject
        {
            ["id"] = $"{id}", ["stripe_charge_id"] = $"ch_{id:D10}", ["amount"] = id % 5000, ["note"] = $"order {id} of a steady customer",
            ["touched"] = Environment.TickCount64,
        })).ToList(), DateTimeOffset.UtcNow, CancellationToken.None);
}
