namespace Gather.Infrastructure.Models;

/// <summary>
/// The known path closest to one a caller mistyped, by edit distance: insertions, deletions,
/// substitutions and swaps of two neighbouring characters each cost one (<c>stauts</c> is one
/// step from <c>status</c>). Only a close path is suggested: at most a third of the typed
/// path's length away (one edit for short paths, never more than <see cref="MaxDistance"/>),
/// so a suggestion is a likely fix rather than any path.
/// </summary>
public static class PathSuggestion
{
    /// <summary>The most edits a suggestion may be away from what was typed.</summary>
    public const int MaxDistance = 4;

    /// <summary>How far a path of this length may be from a suggestion.</summary>
    public static int AllowedDistance(string typed) => Math.Clamp(typed.Length / 3, 1, MaxDistance);

    /// <summary>
    /// The closest of <paramref name="known"/> to <paramref name="typed"/> within
    /// <see cref="AllowedDistance"/>; on a tie, the first in <paramref name="known"/>'s order.
    /// A path differing only in case always wins. Null when none is close.
    /// </summary>
    public static string? Closest(string typed, IEnumerable<string> known)
    {
        var allowed = AllowedDistance(typed);
        string? best = null;
        var bestDistance = int.MaxValue;
        // Three rows of the distance table, reused for every candidate; a candidate is at most this long to be close.
        var rows = new int[3 * (typed.Length + MaxDistance + 1)];
        foreach (var candidate in known)
        {
            if (string.Equals(candidate, typed, StringComparison.OrdinalIgnoreCase))
                return candidate;
            var limit = Math.Min(allowed, bestDistance - 1);
            if (limit < 0 || Math.Abs(candidate.Length - typed.Length) > limit)
                continue;
            var distance = Distance(typed, candidate, limit, rows);
            if (distance <= limit)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>
    /// The edit distance of <paramref name="a"/> and <paramref name="b"/> (optimal string
    /// alignment), or any number above <paramref name="limit"/> once it is sure to exceed it:
    /// a row whose every cell is past the limit ends the work, so far-apart paths cost little.
    /// </summary>
    public static int Distance(string a, string b, int limit = int.MaxValue) => Distance(a, b, limit, new int[3 * (b.Length + 1)]);

    private static int Distance(string a, string b, int limit, int[] buffer)
    {
        var over = limit == int.MaxValue ? limit : limit + 1;
        if (Math.Abs(a.Length - b.Length) > limit)
            return over;
        var width = b.Length + 1;
        var previous2 = buffer.AsSpan(0, width);
        var previous = buffer.AsSpan(width, width);
        var current = buffer.AsSpan(2 * width, width);
        for (var j = 0; j < width; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j < width; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }
            if (rowMinimum > limit)
                return over;
            var spare = previous2;
            previous2 = previous;
            previous = current;
            current = spare;
        }
        return previous[b.Length];
    }
}
