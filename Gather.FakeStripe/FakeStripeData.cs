using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Gather.FakeStripe;

/// <summary>
/// The fake's objects. Customers and charges are generated on demand from their numbers;
/// customer <c>n</c> has <see cref="FakeStripeOptions.ChargesPerCustomer"/> charges unless
/// <c>n % 4 == 3</c> (then none), so lists have customers without charges too. Lists are
/// newest first, as Stripe's are. Webhook endpoints are kept in memory.
/// </summary>
internal sealed class FakeStripeData(IOptions<FakeStripeOptions> options)
{
    private readonly ConcurrentDictionary<string, JsonObject> _webhookEndpoints = new();
    private readonly ConcurrentDictionary<string, string> _webhookSecrets = new();
    private readonly ConcurrentDictionary<string, JsonObject> _changedCharges = new();
    private readonly ConcurrentDictionary<string, string> _chargeJson = new();
    private (int Customer, int K, string Id)[]? _allCharges;

    private FakeStripeOptions Options => options.Value;

    public int ChargeCount(int customer) => customer % 4 == 3 ? 0 : Options.ChargesPerCustomer;

    /// <summary>Customers newest first: the highest number first.</summary>
    public IEnumerable<int> CustomersNewestFirst() => Enumerable.Range(0, Options.Customers).Reverse();

    public bool TryParseCustomer(string id, out int customer) =>
        int.TryParse(id.StartsWith("cus_fake", StringComparison.Ordinal) ? id["cus_fake".Length..] : "", out customer)
        && customer >= 0 && customer < Options.Customers && StripeObjects.CustomerId(customer) == id;

    public bool TryParseCharge(string id, out int customer, out int k)
    {
        customer = k = -1;
        if (!id.StartsWith("ch_fake", StringComparison.Ordinal) || id.Length != "ch_fake".Length + 9)
            return false;
        return int.TryParse(id.AsSpan("ch_fake".Length, 6), out customer) && int.TryParse(id.AsSpan("ch_fake".Length + 6, 3), out k)
               && customer < Options.Customers && k < ChargeCount(customer);
    }

    /// <summary>A customer's charges, newest first.</summary>
    public IEnumerable<(int Customer, int K, string Id)> ChargesOf(int customer) =>
        Enumerable.Range(0, ChargeCount(customer)).Reverse().Select(k => (customer, k, StripeObjects.ChargeId(customer, k)));

    /// <summary>Every charge, newest first (by creation time, then id, as a stable order); sorted once, as charges are never added.</summary>
    public IReadOnlyList<(int Customer, int K, string Id)> AllChargesNewestFirst() =>
        _allCharges ??= Enumerable.Range(0, Options.Customers).SelectMany(ChargesOf)
            .OrderByDescending(c => (long)c.Customer * 60 + c.K * 3_600L).ThenByDescending(c => c.Id, StringComparer.Ordinal)
            .ToArray();

    /// <summary>A charge as JSON text, kept once rendered (a refund renders it again).</summary>
    public string ChargeJson(int customer, int k) =>
        _chargeJson.GetOrAdd(StripeObjects.ChargeId(customer, k), _ => Charge(customer, k).ToJsonString());

    /// <summary>A charge as it stands: generated, or as a refund (<c>/_fake/charges/{id}/refund</c>) left it.</summary>
    public JsonObject Charge(int customer, int k) =>
        _changedCharges.TryGetValue(StripeObjects.ChargeId(customer, k), out var changed) ? (JsonObject)changed.DeepClone() : StripeObjects.Charge(customer, k);

    /// <summary>Refunds a charge in full, as Stripe's dashboard would; returns the charge afterwards.</summary>
    public JsonObject Refund(int customer, int k)
    {
        var charge = Charge(customer, k);
        charge["refunded"] = true;
        charge["amount_refunded"] = charge["amount"]!.DeepClone();
        _changedCharges[charge["id"]!.GetValue<string>()] = charge;
        _chargeJson.TryRemove(charge["id"]!.GetValue<string>(), out _);
        return (JsonObject)charge.DeepClone();
    }

    public IReadOnlyDictionary<string, JsonObject> WebhookEndpoints => _webhookEndpoints;

    /// <summary>Signing secrets by endpoint id: Stripe shows one only on create; the fake keeps them to sign its deliveries.</summary>
    public IReadOnlyDictionary<string, string> WebhookSecrets => _webhookSecrets;

    public void AddWebhookEndpoint(JsonObject endpoint, string secret)
    {
        var id = endpoint["id"]!.GetValue<string>();
        _webhookEndpoints[id] = endpoint;
        _webhookSecrets[id] = secret;
    }

    public bool RemoveWebhookEndpoint(string id) => _webhookEndpoints.TryRemove(id, out _) & _webhookSecrets.TryRemove(id, out _);
}
