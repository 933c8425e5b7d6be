using System.Globalization;

namespace Gather.Bench;

/// <summary>p50 and p95 of a set of timings in milliseconds.</summary>
internal sealed class Timings(List<double> milliseconds)
{
    private readonly List<double> _sorted = milliseconds.Order().ToList();

    public double P50 => Measure.Percentile(_sorted, 0.50);

    public double P95 => Measure.Percentile(_sorted, 0.95);

    public override string ToString() =>
        $"p50 {P50.ToString("0.00", CultureInfo.InvariantCulture)} ms, p95 {P95.ToString("0.00", CultureInfo.InvariantCulture)} ms";
}
