using System.Diagnostics;
using System.Text.Json;

namespace Gather.Tests.WebConsole;

/// <summary>
/// The console's own unit tests (vitest: formatting, filter building, URL state, scopes, and every
/// GraphQL document against the schema snapshot), run once through npm and reported here one case
/// per test file, so <c>dotnet test</c> and CI's TRX count them.
/// </summary>
public sealed class ConsoleUnitTests
{
    private static readonly Lazy<Task<JsonDocument>> Results = new(RunVitestAsync);

    public static TheoryData<string> TestFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(ConsoleDirectory, "src"), "*.test.ts", SearchOption.AllDirectories).Order())
            data.Add(Path.GetRelativePath(ConsoleDirectory, file).Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(TestFiles))]
    public async Task Every_vitest_test_in_the_file_passes(string file)
    {
        var results = (await Results.Value).RootElement.GetProperty("testResults").EnumerateArray()
            .SingleOrDefault(r => r.GetProperty("name").GetString()!.Replace('\\', '/').EndsWith(file, StringComparison.Ordinal));

        Assert.True(results.ValueKind == JsonValueKind.Object, $"vitest reported nothing for {file}");
        var tests = results.GetProperty("assertionResults").EnumerateArray().ToList();
        var failed = tests.Where(t => t.GetProperty("status").GetString() != "passed")
            .Select(t => $"{t.GetProperty("fullName").GetString()}: {string.Join(" ", t.GetProperty("failureMessages").EnumerateArray().Select(m => m.GetString()))}")
            .ToList();
        Assert.NotEmpty(tests);
        Assert.True(failed.Count == 0 && results.GetProperty("status").GetString() == "passed",
            $"{file}: {results.GetProperty("message").GetString()} {string.Join("\n", failed)}");
    }

    private static string ConsoleDirectory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Gather.sln")))
                    return Path.Combine(dir.FullName, "Gather.Console");
            throw new DirectoryNotFoundException("Gather.sln not found above the test's folder.");
        }
    }

    private static async Task<JsonDocument> RunVitestAsync()
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("gather-vitest-").FullName, "results.json");
        var start = new ProcessStartInfo("npm", ["test", "--silent", "--", "--reporter=json", $"--outputFile={output}"])
        {
            WorkingDirectory = ConsoleDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var npm = Process.Start(start)!;
        var stdout = npm.StandardOutput.ReadToEndAsync();
        var stderr = npm.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await npm.WaitForExitAsync(timeout.Token);
        if (!File.Exists(output))
            throw new InvalidOperationException($"vitest wrote no results (exit {npm.ExitCode}): {await stdout} {await stderr}");
        return JsonDocument.Parse(await File.ReadAllTextAsync(output));
    }
}
