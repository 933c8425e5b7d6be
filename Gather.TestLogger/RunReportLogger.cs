using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;

namespace Gather.TestLogger;

/// <summary>
/// The console report of <c>dotnet test Gather.sln</c>. Skipped cases are counted by reason and
/// printed once per reason when the run ends. Failures are printed in full as they come, and
/// warnings passed on, unless another logger already does (see <see cref="OtherFailureLoggers"/>):
/// with its output redirected <c>dotnet test</c> runs vstest.console's console logger, which
/// Gather.Tests makes quiet (errors and the pass/fail/skip summary only). Enabled by
/// Gather.Tests.runsettings; the outcomes themselves, TRX included, are untouched.
/// </summary>
[FriendlyName(FriendlyName)]
[ExtensionUri(ExtensionUri)]
public sealed class RunReportLogger : ITestLoggerWithParameters
{
    public const string FriendlyName = "gather-report";
    public const string ExtensionUri = "logger://gather/run-report";

    private readonly SkipTally _skips = new();
    private readonly TextWriter _output;
    private readonly object _gate = new();

    // True when no other logger prints failures and warnings, so they are this logger's to print.
    private readonly bool _printFailures;

    public RunReportLogger()
        : this(Console.Out, !OtherFailureLoggers.PrintFailures(Environment.GetCommandLineArgs()))
    {
    }

    public RunReportLogger(TextWriter output, bool printFailures)
    {
        _output = output;
        _printFailures = printFailures;
    }

    public void Initialize(TestLoggerEvents events, string testRunDirectory)
    {
        events.TestResult += (_, e) => OnResult(e.Result);
        events.TestRunMessage += (_, e) => OnMessage(e.Level, e.Message);
        events.TestRunComplete += (_, _) => OnRunComplete();
    }

    public void Initialize(TestLoggerEvents events, Dictionary<string, string?> parameters) =>
        Initialize(events, testRunDirectory: "");

    public void OnResult(TestResult result)
    {
        if (result.Outcome == TestOutcome.Skipped)
            _skips.Add(result.ErrorMessage);
        else if (result.Outcome == TestOutcome.Failed && _printFailures)
            Write(FailureReport.Lines(result));
    }

    public void OnMessage(TestMessageLevel level, string message)
    {
        if (level == TestMessageLevel.Warning && _printFailures && !IsXunitSkipLine(message))
            Write([message]);
    }

    public void OnRunComplete() => Write(_skips.Lines());

    // xunit announces each skip as a warning, "[xUnit.net 00:00:07.28]     Some.Case [SKIP]"; the
    // tally says the same once per reason.
    private static bool IsXunitSkipLine(string message) =>
        message.StartsWith("[xUnit.net ", StringComparison.Ordinal) && message.TrimEnd().EndsWith(" [SKIP]", StringComparison.Ordinal);

    private void Write(IReadOnlyList<string> lines)
    {
        lock (_gate)
        {
            foreach (var line in lines)
                _output.WriteLine(line);
            _output.Flush();
        }
    }
}
