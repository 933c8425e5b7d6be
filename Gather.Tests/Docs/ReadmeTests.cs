namespace Gather.Tests.Docs;

/// <summary>The README stays one screen, and its two commands are the ones CI and the quickstart use.</summary>
public sealed class ReadmeTests
{
    private static readonly string Readme = RepositoryFiles.Read("README.md");

    [Fact]
    public void The_README_is_one_screen()
    {
        var lines = Readme.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Length;
        Assert.True(lines <= 150, $"README.md has {lines} lines; move detail into docs/.");
    }

    [Fact]
    public void The_README_run_and_test_commands_are_the_ones_CI_and_the_quickstart_run()
    {
        var commands = FencedBlock.Parse(Readme)[0].Text.Split('\n').Select(l => l.Split('#')[0].Trim()).ToList();

        Assert.Equal(["dotnet run --project Gather.Api", "dotnet test Gather.sln"], commands);
        // CI runs the README's test command, with a results logger added.
        Assert.Contains("dotnet test Gather.sln --logger", RepositoryFiles.Read(".ci/run"));
        Assert.Contains("dotnet run --project Gather.Api", RepositoryFiles.Read("docs/quickstart.md"));
    }

    [Fact]
    public void The_README_sync_line_is_the_one_the_quickstart_runs()
    {
        var taste = FencedBlock.Parse(Readme).Single(b => b.Language == "bash").Text.Split('\n');
        var syncLine = string.Join('\n', taste.Take(2)).Replace("{MODEL_ID}", "$ORDERS").Replace("{API_KEY}", "$KEY");

        Assert.StartsWith("curl http://localhost:5000/models/", syncLine);
        Assert.Contains(syncLine, RepositoryFiles.Read("docs/quickstart.md").ReplaceLineEndings("\n"));
    }
}
