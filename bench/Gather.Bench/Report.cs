using System.Globalization;

namespace Gather.Bench;

/// <summary>Collects figures and ratio checks and prints them as one table; remembers whether every target was met.</summary>
public sealed class Report(string title)
{
    private readonly List<(string Name, string Value)> _figures = [];
    private readonly List<(string Name, double Ratio, string Target, bool Met)> _checks = [];

    public bool AllTargetsMet => _checks.All(c => c.Met);

    public void Figure(string name, string value) => _figures.Add((name, value));

    public void AtLeast(string name, double ratio, double target) => _checks.Add((name, ratio, $">= {Format(target)}", ratio >= target));

    public void AtMost(string name, double ratio, double target) => _checks.Add((name, ratio, $"<= {Format(target)}", ratio <= target));

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine($"## {title}");
        Console.WriteLine();
        var width = _figures.Select(f => f.Name.Length).Concat(_checks.Select(c => c.Name.Length)).DefaultIfEmpty(10).Max();
        foreach (var (name, value) in _figures)
            Console.WriteLine($"  {name.PadRight(width)}  {value}");
        Console.WriteLine();
        foreach (var (name, ratio, target, met) in _checks)
            Console.WriteLine($"  {name.PadRight(width)}  {Format(ratio),8}  target {target,-7}  {(met ? "met" : "MISSED")}");
    }

    public static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Megabytes(long bytes) => $"{(bytes / 1024.0 / 1024.0).ToString("0", CultureInfo.InvariantCulture)} MB";

    public static string Millis(TimeSpan time) => $"{time.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)} ms";
}
