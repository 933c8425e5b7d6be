using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gather.FakeStripe;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Teams;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gather.Tests.Support;

/// <summary>
/// A team with Stripe connected (the fake), an Orders model whose records name charges, and a
/// Sync Stripe Charges task whose webhook secret is known, so tests can sign their own deliveries.
/// The scheduler is off: only webhooks change the attached charges.
/// </summary>
public sealed class WebhookTestbed : IAsyncDisposable
{
    public const string Secret = "whsec_gather_test_0123456789";
    public const string ChargeId = "ch_fake000000000";

    private WebhookTestbed(FakeStripeServer stripe, GatherApiFactory factory, WebApplicationFactory<Program> app, string orders, string integrationId)
    {
        (Stripe, Factory, App, Orders, IntegrationId) = (stripe, factory, app, orders, integrationId);
    }

    public FakeStripeServer Stripe { get; }

    public GatherApiFactory Factory { get; }

    /// <summary>The host the tests talk to: <see cref="Factory"/>, with any test services added.</summary>
    public WebApplicationFactory<Program> App { get; }

    public string Orders { get; }

    public string IntegrationId { get; }

    public static async Task<WebhookTestbed> StartAsync(IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var stripe = await FakeStripeServer.StartAsync(customers: 2, chargesPerCustomer: 1);
        var all = new Dictionary<string, string?>
        {
            ["Gather:Stripe:ApiBase"] = stripe.Address.ToString(), [GatherApiFactory.SchedulerEnabled] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        var factory = new GatherApiFactory(all);
        WebApplicationFactory<Program> app = services is null ? factory : factory.WithWebHostBuilder(b => b.ConfigureServices(services));
        var admin = Admin(app);
        var orders = await IntegrationTaskSteps.CreateOrdersAsync(admin, [("1", ChargeId), ("2", "ch_other")]);
        var integrationId = await IntegrationTaskSteps.ConnectStripeAsync(admin);
        await IntegrationTaskSteps.CreateChargesTaskAsync(admin, integrationId, orders);
        var store = app.Services.GetRequiredService<IGatherStore>();
        var team = store.ForTeam((await store.FindIntegrationTeamAsync(integrationId, CancellationToken.None))!);
        await team.Integrations.SetWebhookAsync(integrationId, "we_test", app.Services.GetRequiredService<SecretProtector>().Protect(Secret),
            CancellationToken.None);
        return new WebhookTestbed(stripe, factory, app, orders, integrationId);
    }

    public HttpClient AdminClient() => Admin(App);

    private static HttpClient Admin(WebApplicationFactory<Program> app)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Authorization", $"Token {GatherApiFactory.AdminKey}");
        return client;
    }

    /// <summary>A charge event as Stripe sends it, for <see cref="ChargeId"/> (amount and refund state given).</summary>
    public static JsonObject ChargeEvent(string eventId, long amount, long created, string type = "charge.updated") => new()
    {
        ["id"] = eventId, ["object"] = "event", ["type"] = type, ["created"] = created, ["livemode"] = false,
        ["data"] = new JsonObject
        {
            ["object"] = new JsonObject
            {
                ["id"] = ChargeId, ["object"] = "charge", ["amount"] = amount, ["amount_captured"] = amount, ["amount_refunded"] = 0,
                ["currency"] = "usd", ["status"] = "succeeded", ["paid"] = true, ["refunded"] = false, ["created"] = created - 60,
            },
        },
    };

    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>Posts <paramref name="payload"/> signed with the integration's secret (or unsigned, or with a given header).</summary>
    public Task<HttpResponseMessage> DeliverAsync(string payload, bool signed = true, HttpClient? client = null, string? integrationId = null) =>
        PostAsync(payload, signed ? WebhookDelivery.SignatureHeader(payload, Secret, Now) : null, client, integrationId);

    public Task<HttpResponseMessage> DeliverAsync(byte[] payload, HttpClient? client = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/stripe/{IntegrationId}") { Content = new ByteArrayContent(payload) };
        request.Content.Headers.ContentType = new("application/json");
        // Signed over the raw bytes, as Stripe signs what it sends, so bytes that are not UTF-8 reach the receiver as sent.
        var timestamp = Now;
        var signed = Encoding.UTF8.GetBytes($"{timestamp}.").Concat(payload).ToArray();
        var signature = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signed));
        request.Headers.Add("Stripe-Signature", $"t={timestamp},v1={signature}");
        return (client ?? App.CreateClient()).SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string payload, string? signatureHeader, HttpClient? client = null, string? integrationId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/stripe/{integrationId ?? IntegrationId}")
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        if (signatureHeader is not null)
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signatureHeader);
        return (client ?? App.CreateClient()).SendAsync(request);
    }

    /// <summary>
    /// Whether <paramref name="body"/> is Gather's error answer: JSON whose first error has a message
    /// for people and an <c>extensions.code</c> for programs.
    /// </summary>
    public static bool IsGatherError(string body)
    {
        try
        {
            var error = JsonNode.Parse(body)?["errors"]?[0];
            return error?["message"]?.GetValue<string>() is { Length: > 0 } && error["extensions"]?["code"]?.GetValue<string>() is { Length: > 0 };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The attached charge's amount on order 1 (null: none attached), and every order's fields, to compare states.</summary>
    public async Task<(long? Amount, string State)> OrdersAsync()
    {
        var nodes = (await AdminClient().PostGraphQLAsync("""
            query($m: ID!) { records(modelId: $m, first: 10, order: [{ field: "id" }]) { nodes { id fields updatedAt values(columns: ["stripeCharge.amount"]) } } }
            """, new { m = Orders })).Data!["records"]!["nodes"]!.AsArray();
        var amount = nodes.Single(n => n!["id"]!.GetValue<string>() == "1")!["values"]![0];
        return (amount?.GetValue<long>(), nodes.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Factory.Dispose();
        await Stripe.DisposeAsync();
    }
}
