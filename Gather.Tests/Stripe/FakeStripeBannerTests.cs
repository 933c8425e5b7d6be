using Gather.FakeStripe;

namespace Gather.Tests.Stripe;

/// <summary>The fake Stripe says where it listens and which key it takes once it is up.</summary>
public sealed class FakeStripeBannerTests
{
    [Fact]
    public async Task The_fake_prints_its_real_address_and_test_key_when_it_starts()
    {
        await using var app = FakeStripeApp.Build(["--urls", "http://127.0.0.1:0"], o => o.SecretKey = "sk_test_banner_0123");
        var output = new StringWriter();
        FakeStripeBanner.PrintWhenStarted(app, output);

        await app.StartAsync();
        var printed = output.ToString();
        var address = app.Urls.Single();
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "sk_test_banner_0123");
        using var customers = await client.GetAsync($"{address}/v1/customers?limit=1");
        await app.StopAsync();

        Assert.DoesNotContain(":0", address);
        Assert.Contains($"Fake Stripe is listening on {address}", printed);
        Assert.Contains("Test key:   sk_test_banner_0123", printed);
        Assert.Contains($"Gather__Stripe__ApiBase={address} dotnet run --project Gather.Api", printed);
        Assert.True(customers.IsSuccessStatusCode);
    }
}
