using System.Diagnostics;

namespace Gather.Bench;

/// <summary>Timing helpers: bounded loops, medians rather than means so one GC pause does not decide a ratio.</summary>
public static class Measure
{
    public static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }

    /// <summary>
    /// The median run of a baseline and a contender, run alternately (after
    /// <paramref name="warmups"/> unmeasured rounds) so both see the same machine.
    /// </summary>
    public static async Task<(TimeSpan Baseline, TimeSpan Contender)> MediansAsync(int warmups, int runs,
        Func<Task> baseline, Func<Task> contender)
    {
        for (var i = 0; i < warmups; i++)
        {
            await baseline();
            await contender();
        }
        var baselineTimes = new List<TimeSpan>(runs);
        var contenderTimes = new List<TimeSpan>(runs);
        for (var i = 0; i < runs; i++)
        {
            baselineTimes.Add(await TimeAsync(baseline));
            contenderTimes.Add(await TimeAsync(contender));
        }
        return (Median(baselineTimes), Median(contenderTimes));
    }

    /// <summary>The value at or above <paramref name="p"/> (0–1) of <paramref name="sorted"/> values; NaN when there are none.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static TimeSpan Median(List<TimeSpan> times)
    {
        times.Sort();
        return times[times.Count / 2];
    }
}
