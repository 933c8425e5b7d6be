using Gather.TestLogger;

namespace Gather.Tests.TestReporting;

public sealed class SkipTallyTests
{
    [Fact]
    public void Skips_are_counted_once_per_reason_the_most_frequent_first()
    {
        var tally = new SkipTally();
        for (var i = 0; i < 362; i++)
            tally.Add("No MongoDB: GATHER_TEST_MONGODB is unset.");
        tally.Add("No Chromium at /usr/bin/chromium.");
        tally.Add("No Chromium at /usr/bin/chromium.");

        Assert.Equal(
            ["Skipped 362 cases: No MongoDB: GATHER_TEST_MONGODB is unset.", "Skipped 2 cases: No Chromium at /usr/bin/chromium."],
            tally.Lines());
    }

    [Fact]
    public void Equal_counts_are_listed_in_reason_order_so_the_report_is_stable()
    {
        var tally = new SkipTally();
        tally.Add("b");
        tally.Add("a");

        Assert.Equal(["Skipped 1 case: a", "Skipped 1 case: b"], tally.Lines());
    }

    [Fact]
    public void A_reason_over_several_lines_is_reported_on_one()
    {
        var tally = new SkipTally();
        tally.Add("No MongoDB:\n  Docker is not running.\r\n");
        tally.Add("No MongoDB: Docker is not running.");

        Assert.Equal(["Skipped 2 cases: No MongoDB: Docker is not running."], tally.Lines());
    }

    [Fact]
    public void Skips_without_a_reason_are_counted_together()
    {
        var tally = new SkipTally();
        tally.Add(null);
        tally.Add("  ");

        Assert.Equal([$"Skipped 2 cases: {SkipTally.NoReason}"], tally.Lines());
    }

    [Fact]
    public void A_run_without_skips_prints_nothing() => Assert.Empty(new SkipTally().Lines());
}
