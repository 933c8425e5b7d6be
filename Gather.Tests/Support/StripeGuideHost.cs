namespace Gather.Tests.Support;

/// <summary>
/// The product guide's setting: Gather on a fresh SQLite file, talking to a fake Stripe of 10
/// customers with 3 charges each, with a public URL (so tasks register webhooks that the test
/// delivers itself) and new records getting their charges at once.
/// </summary>
public sealed class StripeGuideHost : IAsyncDisposable
{
    private StripeGuideHost(FakeStripeServer stripe, GatherApiFactory factory)
    {
        Stripe = stripe;
        Factory = factory;
    }

    public FakeStripeServer Stripe { get; }

    public GatherApiFactory Factory { get; }

    public HttpClient Admin => Factory.CreateClient(GatherApiFactory.AdminKey);

    public static async Task<StripeGuideHost> StartAsync()
    {
        var stripe = await FakeStripeServer.StartAsync(customers: 10, chargesPerCustomer: 3);
        return new StripeGuideHost(stripe, new GatherApiFactory(new Dictionary<string, string?>
        {
            ["Gather:Stripe:ApiBase"] = stripe.Address.ToString(),
            // Where Stripe would send webhooks; nothing listens there, so tests deliver them themselves.
            ["Gather:PublicUrl"] = "http://127.0.0.1:9",
            ["Gather:Tasks:AttachDelaySeconds"] = "0",
        }));
    }

    public async ValueTask DisposeAsync()
    {
        Factory.Dispose();
        await Stripe.DisposeAsync();
    }
}
