namespace Gather.TestLogger;

/// <summary>
/// Whether vstest.console's own console logger prints failures, read from vstest.console's
/// command line, where <c>dotnet test</c> names the console logger and its verbosity. It does at
/// any verbosity but quiet (<c>dotnet test -v n</c>, <c>--logger "console;verbosity=detailed"</c>),
/// and then this logger leaves failures to it. When the command line names no console logger this
/// says no, so a failure is at worst shown twice, never not at all.
/// </summary>
public static class ConsoleLoggerArguments
{
    private static readonly string[] LoggerSwitches = ["--logger", "/logger", "-logger"];

    public static bool PrintsFailures(IReadOnlyList<string> commandLine)
    {
        string? verbosity = null;
        var named = false;
        for (var i = 0; i < commandLine.Count; i++)
        {
            var value = LoggerValue(commandLine[i], i + 1 < commandLine.Count ? commandLine[i + 1] : null);
            if (value is null)
                continue;
            var parts = value.Split(';');
            if (!parts[0].Trim().Equals("console", StringComparison.OrdinalIgnoreCase))
                continue;
            // The last console logger named wins, as in vstest.console.
            named = true;
            verbosity = parts.Skip(1)
                .Select(part => part.Split(['='], 2))
                .Where(pair => pair.Length == 2 && pair[0].Trim().Equals("verbosity", StringComparison.OrdinalIgnoreCase))
                .Select(pair => pair[1].Trim())
                .LastOrDefault();
        }

        // Without a verbosity the console logger is minimal, which prints failures.
        return named && !(verbosity is not null && (verbosity.Equals("quiet", StringComparison.OrdinalIgnoreCase) || verbosity == "0"));
    }

    // "--logger:console;verbosity=quiet", "--logger=…" or "--logger" followed by its value.
    private static string? LoggerValue(string argument, string? next)
    {
        foreach (var name in LoggerSwitches)
        {
            if (!argument.StartsWith(name, StringComparison.OrdinalIgnoreCase))
                continue;
            if (argument.Length == name.Length)
                return next;
            if (argument[name.Length] is ':' or '=')
                return argument.Substring(name.Length + 1);
        }
        return null;
    }
}
