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
        var times = await AlternatelyAsync(warmups, runs, baseline, contender);
        return (Median(times[0]), Median(times[1]));
    }

    /// <summary>
    /// Each action's run times in milliseconds, the actions run one after another in rounds (after
    /// <paramref name="warmups"/> unmeasured rounds) so all of them see the same machine.
    /// </summary>
    public static async Task<List<double>[]> AlternatelyAsync(int warmups, int runs, params Func<Task>[] actions)
    {
        var times = actions.Select(_ => new List<double>(runs)).ToArray();
        for (var round = 0; round < warmups + runs; round++)
        {
            for (var i = 0; i < actions.Length; i++)
            {
                var elapsed = await TimeAsync(actions[i]);
                if (round >= warmups)
                    times[i].Add(elapsed.TotalMilliseconds);
            }
        }
        return times;
    }

    /// <summary>The value at or above <paramref name="p"/> (0–1) of <paramref name="sorted"/> values; NaN when there are none.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static TimeSpan Median(List<double> milliseconds)
    {
        milliseconds.Sort();
        return TimeSpan.FromMilliseconds(milliseconds[milliseconds.Count / 2]);
    }
}
