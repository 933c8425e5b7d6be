using Gather.TestLogger;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;

namespace Gather.Tests.TestReporting;

public sealed class RunReportLoggerTests
{
    [Fact]
    public void Skips_print_once_per_reason_at_the_end_and_failures_as_they_come()
    {
        var output = new StringWriter();
        var logger = new RunReportLogger(output, printFailures: true);

        logger.OnResult(Result("Gather.Tests.Mongo.A", TestOutcome.Skipped, "No MongoDB."));
        logger.OnMessage(TestMessageLevel.Warning, "[xUnit.net 00:00:07.28]     Gather.Tests.Mongo.A [SKIP]");
        logger.OnResult(Result("Gather.Tests.Mongo.B", TestOutcome.Skipped, "No MongoDB."));
        logger.OnResult(Result("Gather.Tests.Sqlite.C", TestOutcome.Passed, null));
        logger.OnResult(Result("Gather.Tests.Sqlite.D", TestOutcome.Failed, "Expected 1, was 2."));
        logger.OnMessage(TestMessageLevel.Warning, "Exception filtering tests: bad filter");
        logger.OnRunComplete();

        Assert.Equal(
            [
                "  Failed Gather.Tests.Sqlite.D [1 ms]",
                "  Error Message:",
                "   Expected 1, was 2.",
                "Exception filtering tests: bad filter",
                "Skipped 2 cases: No MongoDB.",
            ],
            Lines(output));
    }

    [Fact]
    public void Failures_and_warnings_are_left_to_a_console_logger_that_prints_them()
    {
        var output = new StringWriter();
        var logger = new RunReportLogger(output, printFailures: false);

        logger.OnResult(Result("Gather.Tests.Sqlite.D", TestOutcome.Failed, "Expected 1, was 2."));
        logger.OnMessage(TestMessageLevel.Warning, "Exception filtering tests: bad filter");
        logger.OnResult(Result("Gather.Tests.Mongo.A", TestOutcome.Skipped, "No MongoDB."));
        logger.OnRunComplete();

        Assert.Equal(["Skipped 1 case: No MongoDB."], Lines(output));
    }

    private static TestResult Result(string name, TestOutcome outcome, string? message) =>
        new(new TestCase(name, new Uri("executor://xunit/"), "Gather.Tests.dll"))
        {
            Outcome = outcome,
            ErrorMessage = message,
            Duration = TimeSpan.FromMilliseconds(1),
        };

    private static string[] Lines(StringWriter output) =>
        output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
}
