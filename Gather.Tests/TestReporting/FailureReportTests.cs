using Gather.TestLogger;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;

namespace Gather.Tests.TestReporting;

public sealed class FailureReportTests
{
    [Fact]
    public void A_failure_shows_its_name_message_stack_trace_and_output()
    {
        var result = new TestResult(new TestCase("Gather.Tests.Some.Case", new Uri("executor://xunit/"), "Gather.Tests.dll"))
        {
            Outcome = TestOutcome.Failed,
            Duration = TimeSpan.FromMilliseconds(12),
            ErrorMessage = "Assert.Equal() Failure\nExpected: 1\nActual:   2",
            ErrorStackTrace = "   at Gather.Tests.Some.Case() in Some.cs:line 9\r\n",
        };
        result.Messages.Add(new TestResultMessage(TestResultMessage.StandardOutCategory, "seeded 20261202\n"));

        Assert.Equal(
            [
                "  Failed Gather.Tests.Some.Case [12 ms]",
                "  Error Message:",
                "   Assert.Equal() Failure",
                "   Expected: 1",
                "   Actual:   2",
                "  Stack Trace:",
                "      at Gather.Tests.Some.Case() in Some.cs:line 9",
                "  Standard Output Messages:",
                "   seeded 20261202",
            ],
            FailureReport.Lines(result));
    }

    [Fact]
    public void A_long_failure_shows_its_duration_in_seconds()
    {
        var result = new TestResult(new TestCase("Gather.Tests.Slow.Case", new Uri("executor://xunit/"), "Gather.Tests.dll"))
        {
            DisplayName = "Slow case",
            Outcome = TestOutcome.Failed,
            Duration = TimeSpan.FromMilliseconds(2_500),
        };

        Assert.Equal(["  Failed Slow case [2.5 s]"], FailureReport.Lines(result));
    }
}
