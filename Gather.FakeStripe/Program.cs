namespace Gather.FakeStripe;

/// <summary>
/// <c>dotnet run --project Gather.FakeStripe</c>: the fake on http://127.0.0.1:12111 (or
/// <c>--urls</c>). A named entry point rather than top-level statements, whose global
/// <c>Program</c> would clash with the API's in the test project.
/// </summary>
public static class FakeStripeProgram
{
    public const string DefaultUrl = "http://127.0.0.1:12111";

    public static void Main(string[] args)
    {
        var app = FakeStripeApp.Build(args);
        if (Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is null && !args.Any(a => a.StartsWith("--urls", StringComparison.Ordinal)))
            app.Urls.Add(DefaultUrl);
        FakeStripeBanner.PrintWhenStarted(app, Console.Out);
        app.Run();
    }
}
