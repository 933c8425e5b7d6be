using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Gather.FakeStripe;

/// <summary>
/// Tells a person who started the fake where it listens and which key it takes, once it listens:
/// the two things they need to point Gather at it.
/// </summary>
public static class FakeStripeBanner
{
    public static void PrintWhenStarted(WebApplication app, TextWriter output) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var key = app.Services.GetRequiredService<IOptions<FakeStripeOptions>>().Value.SecretKey;
            output.WriteLine(Text(addresses.ToList(), key));
        });

    public static string Text(IReadOnlyList<string> addresses, string key)
    {
        var url = addresses.FirstOrDefault() ?? FakeStripeProgram.DefaultUrl;
        return $"""
            Fake Stripe is listening on {string.Join(", ", addresses)}
              Test key:   {key}
              Try it:     curl "{url}/v1/customers?limit=2" -u {key}:
              Use it:     Gather__Stripe__ApiBase={url} dotnet run --project Gather.Api
                          then connect Stripe with the test key (connectStripe, or the console's Integrations settings).
            """;
    }
}
