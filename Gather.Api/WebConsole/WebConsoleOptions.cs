namespace Gather.Api.WebConsole;

/// <summary>The console, Gather's screens for people (<c>Gather:Console</c>).</summary>
public sealed class WebConsoleOptions
{
    public const string Section = "Gather:Console";

    /// <summary>Serve the console at <c>/</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where the console's built files are; by default the copy the build puts beside the app.</summary>
    public string? AssetsPath { get; set; }
}
