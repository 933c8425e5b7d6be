namespace Gather.TestLogger;

/// <summary>
/// Whether a logger of vstest.console's own already prints failed cases, read from vstest.console's
/// command line, where <c>dotnet test</c> names its logger and verbosity:
/// <list type="bullet">
/// <item>the console logger (output redirected, as in CI) at any verbosity but quiet, as after
/// <c>dotnet test -v n</c> or <c>--logger "console;verbosity=detailed"</c>;</item>
/// <item>the MSBuild logger, which <c>dotnet test</c> uses in a terminal: MSBuild's terminal logger
/// then shows each failure as an error.</item>
/// </list>
/// When one does, the run report leaves failures to it. When the command line names neither this
/// says no, so a failure is at worst shown twice, never not at all.
/// </summary>
public static class OtherFailureLoggers
{
    public const string MSBuildLogger = "Microsoft.TestPlatform.MSBuildLogger";

    private static readonly string[] LoggerSwitches = ["--logger", "/logger", "-logger"];

    public static bool PrintFailures(IReadOnlyList<string> commandLine)
    {
        var consoleNamed = false;
        string? consoleVerbosity = null;
        for (var i = 0; i < commandLine.Count; i++)
        {
            var value = LoggerValue(commandLine[i], i + 1 < commandLine.Count ? commandLine[i + 1] : null);
            if (value is null)
                continue;
            var parts = value.Split(';');
            var name = parts[0].Trim();
            if (name.Equals(MSBuildLogger, StringComparison.OrdinalIgnoreCase))
                return true;
            if (!name.Equals("console", StringComparison.OrdinalIgnoreCase))
                continue;
            // The last console logger named wins, as in vstest.console.
            consoleNamed = true;
            consoleVerbosity = parts.Skip(1)
                .Select(part => part.Split(['='], 2))
                .Where(pair => pair.Length == 2 && pair[0].Trim().Equals("verbosity", StringComparison.OrdinalIgnoreCase))
                .Select(pair => pair[1].Trim())
                .LastOrDefault();
        }

        // Without a verbosity the console logger is minimal, which prints failures.
        return consoleNamed && !(consoleVerbosity is not null && (consoleVerbosity.Equals("quiet", StringComparison.OrdinalIgnoreCase) || consoleVerbosity == "0"));
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
