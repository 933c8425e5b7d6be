using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Gather.Bench;

/// <summary>
/// A steady, open-loop load: one request started every interval whether or not earlier ones
/// have answered, so a slow server shows as latency (queueing included) rather than as fewer
/// requests. Bounded in count; the latencies and failures are kept for the report.
/// </summary>
public sealed class PacedLoad(int requestsPerSecond, int count)
{
    private readonly ConcurrentBag<double> _latencies = [];
    private readonly ConcurrentQueue<string> _failures = new();

    public IReadOnlyCollection<string> Failures => _failures;

    public int Completed => _latencies.Count;

    /// <summary>Runs <paramref name="request"/> (given its sequence number; it returns a problem or null) at the pace, then waits for the last.</summary>
    public async Task RunAsync(Func<int, Task<string?>> request)
    {
        var interval = TimeSpan.FromSeconds(1.0 / requestsPerSecond);
        var clock = Stopwatch.StartNew();
        var running = new List<Task>(count);
        for (var n = 0; n < count; n++)
        {
            var due = interval * n;
            if (due > clock.Elapsed)
                await Task.Delay(due - clock.Elapsed);
            var sequence = n;
            running.Add(Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                var problem = await request(sequence);
                _latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (problem is not null)
                    _failures.Enqueue(problem);
            }));
        }
        await Task.WhenAll(running);
    }

    public double Percentile(double p) => Measure.Percentile(_latencies.Order().ToArray(), p);

    public string Summary() =>
        $"p50 {Percentile(0.50).ToString("0.0", CultureInfo.InvariantCulture)} ms   p99 {Percentile(0.99).ToString("0.0", CultureInfo.InvariantCulture)} ms   {Completed} requests, {_failures.Count} failed";
}
