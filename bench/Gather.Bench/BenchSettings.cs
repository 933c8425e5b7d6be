using System.Globalization;

namespace Gather.Bench;

/// <summary>Command-line settings: which benchmark, how many records, how many timed runs.</summary>
public sealed record BenchSettings(string Benchmark, string ServerDll, int Records, int WarmupBatches, int Warmups, int Runs, int Models = 3, int Teams = 1000)
{
    public const string Usage = """
        usage: bench/run [records|nested|stripe|backfill|typed|load|hostile|fairness|query|teams] [--records N] [--runs N] [--warmups N] [--models N] [--teams N]
          records    models and records: REST sync and a GraphQL page against the adapter (default)
          nested     relationships: accounts → customers → projects through GraphQL against
                     hand-written adapter reads, and the store round trips it costs
          stripe     50 customers with their Stripe charges against a fake Stripe at 20 ms
                     per request, as a ratio of one Stripe call
          backfill   Sync Stripe Charges: 10,000 charges onto 10,000 orders against raw
                     adapter updates of the same records, and its store round trips
          typed      the typed schema: build time at 50 models × 40 fields, and a typed page
                     against the same page through the generic records
          load       mixed traffic at concurrency 1, 8, 32 and 64: throughput, p50/p95/p99,
                     errors, and a check that no write was lost
          hostile    two teams: A's steady load alone, then while B sends abusive documents,
                     the largest allowed pages, a Stripe fan-out and index churn; A's p99
                     ratio, B's refusals and their speed, the server's peak memory
          fairness   one team's index churn against another team's sync rate, and the
                     pause its syncs see while an index is built on --records records
          query      views at index speed: a filtered, sorted page, an equality filter, a
                     sort, a page after a deep cursor and a search through GraphQL with the
                     views' indexes against the adapter on the same file, then with no index;
                     sync rate with 0, 2 and 8 indexes (use --records 10000, 100000, 1000000)
          teams      many teams on one SQLite file, each with a records table of its own:
                     creating a team, opening a connection (SQLite reads the whole schema),
                     and a team's sync just after another team changed the schema
          --records  how many records to sync (default 100000)
          --models   query: how many models the team holds in all: Account, Customer, the
                     orders' and small ones (default 3, at most 200, the default limit), as a
                     page's checks read the team's models
          --teams    teams: how many teams the file holds at the end (default 1000)
          --warmup-batches  sync batches into a scratch model on both sides before timing,
                            so JIT tiering has settled (default 20)
          --runs     timed runs per query, the median is reported (default 30)
          --warmups  untimed runs before them (default 5)
        """;

    public static BenchSettings Parse(string[] args)
    {
        var benchmark = "records";
        string? server = null;
        int records = 100_000, warmupBatches = 20, warmups = 5, runs = 30, models = 3, teams = 1000;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--server": server = Value(args, ++i); break;
                case "--records": records = Count(args, ++i, 1_000, 1_000_000); break;
                case "--warmup-batches": warmupBatches = Count(args, ++i, 0, 1_000); break;
                case "--runs": runs = Count(args, ++i, 1, 1_000); break;
                case "--warmups": warmups = Count(args, ++i, 0, 100); break;
                case "--models": models = Count(args, ++i, 3, 200); break;
                case "--teams": teams = Count(args, ++i, 10, 10_000); break;
                case "records" or "nested" or "stripe" or "backfill" or "typed" or "load" or "hostile" or "fairness" or "query" or "teams": benchmark = args[i]; break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'.\n{Usage}");
            }
        }
        if (server is null || !File.Exists(server))
            throw new ArgumentException($"--server must name the built Gather.Api.dll (bench/run passes it).\n{Usage}");
        return new BenchSettings(benchmark, server, records, warmupBatches, warmups, runs, models, teams);
    }

    private static string Value(string[] args, int i) =>
        i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.\n{Usage}");

    private static int Count(string[] args, int i, int min, int max) =>
        int.TryParse(Value(args, i), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{args[i - 1]} must be a whole number from {min} to {max}.\n{Usage}");
}
