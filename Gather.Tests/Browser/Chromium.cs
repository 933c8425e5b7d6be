namespace Gather.Tests.Browser;

/// <summary>
/// Finds the machine's Chromium (Debian's package in CI). Playwright's own browser download
/// cannot work offline, so tests drive this one and skip, with the reason, where it is absent.
/// </summary>
public static class Chromium
{
    public const string EnvironmentVariable = "GATHER_TEST_CHROMIUM";

    public static string? Find() =>
        new[] { Environment.GetEnvironmentVariable(EnvironmentVariable), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }
            .FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path));

    /// <summary>The machine's Chromium; the test is skipped, saying how to get one, where there is none.</summary>
    public static string FindOrSkip()
    {
        var chromium = Find();
        Skip.If(chromium is null, $"No Chromium found (install Debian's chromium or set {EnvironmentVariable}).");
        return chromium!;
    }

    /// <summary>Flags for a sandboxed, offline machine: no background calls home, which would be refused anyway.</summary>
    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    /// <summary>Where screenshots go; CI collects this folder.</summary>
    public static string ArtifactsDirectory =>
        Directory.CreateDirectory(Environment.GetEnvironmentVariable("GATHER_TEST_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;
}
