using Gather.Bench;

if (args.Contains("--help"))
{
    Console.WriteLine(BenchSettings.Usage);
    return 0;
}

BenchSettings settings;
try
{
    settings = BenchSettings.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 64;
}

var report = settings.Benchmark switch
{
    "nested" => await new NestedBenchmark(settings).RunAsync(),
    "stripe" => await new StripeBenchmark(settings).RunAsync(),
    "backfill" => await new BackfillBenchmark(settings).RunAsync(),
    "typed" => await new TypedBenchmark(settings).RunAsync(),
    "load" => await new LoadBenchmark(settings).RunAsync(),
    "hostile" => await new HostileBenchmark(settings).RunAsync(),
    "fairness" => await new FairnessBenchmark(settings).RunAsync(),
    "query" => await new QueryBenchmark(settings).RunAsync(),
    "teams" => await new TeamsBenchmark(settings).RunAsync(),
    _ => await new RecordsBenchmark(settings).RunAsync(),
};
report.Print();
// A missed target is a distinct exit code, so scripts can tell it from a crash.
return report.AllTargetsMet ? 0 : 2;
