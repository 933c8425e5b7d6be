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

    private static TimeSpan Median(List<TimeSpan> times)
    {
        times.Sort();
        return times[times.Count / 2];
    }
}
