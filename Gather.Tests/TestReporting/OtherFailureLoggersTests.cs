using Gather.TestLogger;

namespace Gather.Tests.TestReporting;

public sealed class OtherFailureLoggersTests
{
    private const string Source = "/repo/Gather.Tests/bin/Debug/net10.0/Gather.Tests.dll";

    [Theory]
    // What dotnet test passes with its output redirected, once Gather.Tests sets VSTestVerbosity to quiet.
    [InlineData("--logger:Console;Verbosity=quiet")]
    [InlineData("--logger:console;verbosity=0")]
    // Nothing names the console logger: print rather than risk a failure shown nowhere.
    [InlineData("--logger:trx;LogFileName=results.trx")]
    public void The_run_report_prints_failures_when_no_other_logger_does(string logger) =>
        Assert.False(OtherFailureLoggers.PrintFailures(["--settings:x.runsettings", logger, Source]));

    [Theory]
    [InlineData("--logger:Console;Verbosity=minimal")]
    [InlineData("--logger:Console;Verbosity=normal")]
    [InlineData("/logger:console;verbosity=detailed")]
    // Without a verbosity the console logger is minimal.
    [InlineData("--logger:console")]
    // What dotnet test passes in a terminal: MSBuild's terminal logger shows the failures.
    [InlineData("--logger:Microsoft.TestPlatform.MSBuildLogger;Verbosity=quiet")]
    public void Another_logger_prints_failures(string logger) =>
        Assert.True(OtherFailureLoggers.PrintFailures(["--logger:trx", Source, logger]));

    [Fact]
    public void The_last_console_logger_named_wins() =>
        Assert.False(OtherFailureLoggers.PrintFailures(["--logger:console;verbosity=detailed", "--logger:Console;Verbosity=quiet"]));

    [Fact]
    public void A_logger_value_may_follow_its_switch() =>
        Assert.True(OtherFailureLoggers.PrintFailures(["--logger", "console;verbosity=normal", Source]));
}
