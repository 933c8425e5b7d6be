namespace Gather.TestLogger;

/// <summary>
/// Counts skipped cases by their reason. A suite without MongoDB skips hundreds of cases for one
/// reason; a reader needs that reason once, with how many cases it stopped, not a line per case.
/// </summary>
public sealed class SkipTally
{
    /// <summary>What a skip without a reason is reported under.</summary>
    public const string NoReason = "(no reason given)";

    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public void Add(string? reason)
    {
        var key = OneLine(reason);
        lock (_gate)
            _counts[key] = _counts.TryGetValue(key, out var count) ? count + 1 : 1;
    }

    /// <summary>
    /// One line per distinct reason, the most frequent first (ties in reason order, so the
    /// report reads the same every run): <c>Skipped 362 cases: No MongoDB: …</c>.
    /// </summary>
    public IReadOnlyList<string> Lines()
    {
        lock (_gate)
            return _counts
                .OrderByDescending(entry => entry.Value)
                .ThenBy(entry => entry.Key, StringComparer.Ordinal)
                .Select(entry => $"Skipped {entry.Value} {(entry.Value == 1 ? "case" : "cases")}: {entry.Key}")
                .ToList();
    }

    // A reason spread over several lines would break the one-line-per-reason promise.
    private static string OneLine(string? reason)
    {
        if (reason is null)
            return NoReason;
        var words = reason.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? NoReason : string.Join(" ", words);
    }
}
