namespace Gather.Tests.Browser;

/// <summary>
/// The console's Chromium tests run on their own, after the parallel tests: a browser walking
/// many screens loads a small machine enough to disturb other tests' timing.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleBrowserCollection
{
    public const string Name = "Console in Chromium";
}
