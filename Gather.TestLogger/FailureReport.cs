using Microsoft.VisualStudio.TestPlatform.ObjectModel;

namespace Gather.TestLogger;

/// <summary>
/// What a reader needs to act on a failed case: its name and duration, the message, the stack
/// trace and whatever the case wrote, each under its own heading.
/// </summary>
public static class FailureReport
{
    public static IReadOnlyList<string> Lines(TestResult result)
    {
        var name = string.IsNullOrWhiteSpace(result.DisplayName) ? result.TestCase.DisplayName : result.DisplayName!;
        var lines = new List<string> { $"  Failed {name} [{Duration(result.Duration)}]" };
        Section(lines, "Error Message", result.ErrorMessage);
        Section(lines, "Stack Trace", result.ErrorStackTrace);
        foreach (var group in result.Messages.GroupBy(message => message.Category))
            Section(lines, Heading(group.Key), string.Concat(group.Select(message => message.Text)));
        return lines;
    }

    private static void Section(List<string> lines, string heading, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return;
        lines.Add($"  {heading}:");
        foreach (var line in text!.TrimEnd().Split('\n'))
            lines.Add("   " + line.TrimEnd('\r'));
    }

    private static string Heading(string category) => category switch
    {
        _ when category == TestResultMessage.StandardOutCategory => "Standard Output Messages",
        _ when category == TestResultMessage.StandardErrorCategory => "Standard Error Messages",
        _ when category == TestResultMessage.DebugTraceCategory => "Debug Trace Messages",
        _ => "Additional Information Messages",
    };

    private static string Duration(TimeSpan duration) =>
        duration.TotalSeconds >= 1 ? $"{duration.TotalSeconds:0.##} s" : $"{Math.Max(1, (int)duration.TotalMilliseconds)} ms";
}
