using System.Globalization;
using System.Text.Json.Nodes;

namespace Gather.FakeStripe;

/// <summary>
/// Customers and charges in Stripe's shape, generated from a number so they are the same on
/// every run: every field Stripe returns is present with Stripe's JSON type (checked against
/// Stripe's published fixtures by the tests). Values vary where CS staff look: amounts,
/// statuses, refunds, disputes and failures.
/// </summary>
internal static class StripeObjects
{
    /// <summary>2026-01-01T00:00:00Z; objects are a minute apart, newest last.</summary>
    private const long Epoch = 1_767_225_600;

    public static string CustomerId(int n) => $"cus_fake{n:D6}";

    public static string ChargeId(int customer, int k) => $"ch_fake{customer:D6}{k:D3}";

    public static string Email(int n) => $"customer{n}@example.com";

    public static JsonObject Customer(int n) => new()
    {
        ["id"] = CustomerId(n),
        ["object"] = "customer",
        ["address"] = Address(n % 3 == 0 ? null : "Berlin", n % 3 == 0 ? null : "DE"),
        ["balance"] = 0,
        ["created"] = Epoch + n * 60L,
        ["currency"] = "usd",
        ["default_source"] = null,
        ["delinquent"] = n % 13 == 0,
        ["description"] = null,
        ["discount"] = new JsonObject
        {
            ["id"] = $"di_fake{n:D6}", ["object"] = "discount", ["checkout_session"] = null, ["customer"] = CustomerId(n),
            ["customer_account"] = null, ["end"] = null, ["invoice"] = null, ["invoice_item"] = null, ["promotion_code"] = null,
            ["start"] = Epoch + n * 60L, ["subscription"] = null, ["subscription_item"] = null,
            ["source"] = new JsonObject { ["coupon"] = null, ["type"] = "coupon" },
        },
        ["email"] = Email(n),
        ["invoice_prefix"] = $"F{n:X6}",
        ["invoice_settings"] = new JsonObject
        {
            ["custom_fields"] = null, ["default_payment_method"] = null, ["footer"] = null,
            ["rendering_options"] = new JsonObject { ["amount_tax_display"] = null, ["template"] = null },
        },
        ["livemode"] = false,
        ["metadata"] = new JsonObject(),
        ["name"] = $"Customer {n}",
        ["next_invoice_sequence"] = 1,
        ["phone"] = null,
        ["preferred_locales"] = new JsonArray(),
        ["shipping"] = new JsonObject(),
        ["tax_exempt"] = "none",
        ["test_clock"] = null,
    };

    public static JsonObject Charge(int customer, int k)
    {
        var id = ChargeId(customer, k);
        var amount = 500 + (customer * 37 + k * 113) % 20_000;
        var failed = (customer + k) % 7 == 3;
        var refunded = !failed && (customer + k) % 5 == 2;
        var created = Epoch + customer * 60L + k * 3_600L;
        return new JsonObject
        {
            ["id"] = id,
            ["object"] = "charge",
            ["amount"] = amount,
            ["amount_captured"] = failed ? 0 : amount,
            ["amount_refunded"] = refunded ? amount : 0,
            ["application"] = null,
            ["application_fee"] = null,
            ["application_fee_amount"] = null,
            ["balance_transaction"] = failed ? null : $"txn_fake{customer:D6}{k:D3}",
            ["billing_details"] = new JsonObject
            {
                ["address"] = Address(null, null), ["email"] = Email(customer), ["name"] = $"Customer {customer}", ["phone"] = null, ["tax_id"] = null,
            },
            ["calculated_statement_descriptor"] = "GATHER FAKE",
            ["captured"] = !failed,
            ["created"] = created,
            ["currency"] = "usd",
            ["customer"] = CustomerId(customer),
            ["description"] = $"Order {customer}-{k}",
            ["disputed"] = !failed && (customer + k) % 11 == 5,
            ["failure_balance_transaction"] = null,
            ["failure_code"] = failed ? "card_declined" : null,
            ["failure_message"] = failed ? "Your card was declined." : null,
            ["fraud_details"] = new JsonObject(),
            ["livemode"] = false,
            ["metadata"] = new JsonObject { ["order_id"] = $"{customer}-{k}" },
            ["on_behalf_of"] = null,
            ["outcome"] = new JsonObject
            {
                ["advice_code"] = null, ["network_advice_code"] = null, ["network_decline_code"] = null,
                ["network_status"] = failed ? "declined_by_network" : "approved_by_network",
                ["reason"] = failed ? "generic_decline" : null,
                ["seller_message"] = failed ? "The bank did not return any further details with this decline." : "Payment complete.",
                ["type"] = failed ? "issuer_declined" : "authorized",
            },
            ["paid"] = !failed,
            ["payment_intent"] = $"pi_fake{customer:D6}{k:D3}",
            ["payment_method"] = $"pm_fake{customer:D6}",
            ["payment_method_details"] = new JsonObject
            {
                ["card"] = Card(customer, amount),
                ["type"] = "card",
            },
            ["receipt_email"] = null,
            ["receipt_number"] = null,
            ["receipt_url"] = $"https://pay.stripe.com/receipts/fake/{id}",
            ["refunded"] = refunded,
            ["refunds"] = new JsonObject
            {
                ["object"] = "list", ["data"] = new JsonArray(), ["has_more"] = false, ["url"] = $"/v1/charges/{id}/refunds",
            },
            ["review"] = null,
            ["shipping"] = new JsonObject(),
            ["source"] = Source(customer, created),
            ["source_transfer"] = null,
            ["statement_descriptor"] = null,
            ["statement_descriptor_suffix"] = null,
            ["status"] = failed ? "failed" : "succeeded",
            ["transfer_data"] = new JsonObject
            {
                ["amount"] = null, ["destination"] = new JsonObject { ["id"] = "acct_fake", ["object"] = "account" },
            },
            ["transfer_group"] = null,
        };
    }

    private static JsonObject Card(int customer, int amount) => new()
    {
        ["amount_authorized"] = amount,
        ["authorization_code"] = null,
        ["brand"] = customer % 4 == 0 ? "mastercard" : "visa",
        ["checks"] = new JsonObject { ["address_line1_check"] = null, ["address_postal_code_check"] = null, ["cvc_check"] = "pass" },
        ["country"] = "US",
        ["exp_month"] = 1 + customer % 12,
        ["exp_year"] = 2030,
        ["extended_authorization"] = new JsonObject { ["status"] = "disabled" },
        ["fingerprint"] = $"fp{customer:D14}",
        ["funding"] = "credit",
        ["incremental_authorization"] = new JsonObject { ["status"] = "unavailable" },
        ["installments"] = new JsonObject { ["plan"] = new JsonObject { ["count"] = null, ["interval"] = null, ["type"] = "fixed_count" } },
        ["last4"] = (customer % 10_000).ToString("D4", CultureInfo.InvariantCulture),
        ["mandate"] = null,
        ["multicapture"] = new JsonObject { ["status"] = "unavailable" },
        ["network"] = customer % 4 == 0 ? "mastercard" : "visa",
        ["network_token"] = new JsonObject { ["used"] = false },
        ["network_transaction_id"] = null,
        ["overcapture"] = new JsonObject { ["maximum_amount_capturable"] = amount, ["status"] = "unavailable" },
        ["regulated_status"] = null,
        ["three_d_secure"] = new JsonObject
        {
            ["authentication_flow"] = null, ["electronic_commerce_indicator"] = null, ["exemption_indicator"] = null, ["result"] = null,
            ["result_reason"] = null, ["transaction_id"] = null, ["version"] = null,
        },
        ["transaction_link_id"] = null,
        ["wallet"] = new JsonObject { ["dynamic_last4"] = null, ["type"] = "link" },
    };

    private static JsonObject Source(int customer, long created) => new()
    {
        ["id"] = $"src_fake{customer:D6}",
        ["object"] = "source",
        ["allow_redisplay"] = null,
        ["amount"] = null,
        ["client_secret"] = $"src_client_secret_fake{customer:D6}",
        ["created"] = created,
        ["currency"] = null,
        ["flow"] = "none",
        ["livemode"] = false,
        ["metadata"] = null,
        ["owner"] = new JsonObject
        {
            ["address"] = Address(null, null), ["email"] = Email(customer), ["name"] = $"Customer {customer}", ["phone"] = null,
            ["verified_address"] = Address(null, null), ["verified_email"] = null, ["verified_name"] = null, ["verified_phone"] = null,
        },
        ["statement_descriptor"] = null,
        ["status"] = "chargeable",
        ["type"] = "card",
        ["usage"] = null,
    };

    private static JsonObject Address(string? city, string? country) => new()
    {
        ["city"] = city, ["country"] = country, ["line1"] = null, ["line2"] = null, ["postal_code"] = null, ["state"] = null,
    };

    /// <summary>A webhook endpoint as created; <paramref name="secret"/> is included only in the create response.</summary>
    public static JsonObject WebhookEndpoint(string id, string url, IEnumerable<string> events, string? description, long created, string? secret)
    {
        var endpoint = new JsonObject
        {
            ["id"] = id,
            ["object"] = "webhook_endpoint",
            ["api_version"] = null,
            ["application"] = null,
            ["created"] = created,
            ["description"] = description,
            ["enabled_events"] = new JsonArray(events.Select(e => (JsonNode)JsonValue.Create(e)).ToArray()),
            ["livemode"] = false,
            ["metadata"] = new JsonObject(),
            ["status"] = "enabled",
            ["url"] = url,
        };
        if (secret is not null)
            endpoint["secret"] = secret;
        return endpoint;
    }

    /// <summary>An event as Stripe delivers it: <c>data.object</c> is the object as it was when the event happened.</summary>
    public static JsonObject Event(string type, JsonObject dataObject, long created) => new()
    {
        ["id"] = "evt_fake" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)),
        ["object"] = "event",
        ["api_version"] = "2025-03-31.basil",
        ["created"] = created,
        ["data"] = new JsonObject { ["object"] = dataObject },
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
        ["type"] = type,
    };

    public static JsonObject List(string url, IEnumerable<JsonObject> page, bool hasMore) => new()
    {
        ["object"] = "list",
        ["data"] = new JsonArray(page.Select(o => (JsonNode)o).ToArray()),
        ["has_more"] = hasMore,
        ["url"] = url,
    };

    public static JsonObject Error(string type, string message, string? code = null, string? param = null)
    {
        var error = new JsonObject { ["type"] = type, ["message"] = message };
        if (code is not null)
            error["code"] = code;
        if (param is not null)
            error["param"] = param;
        return new JsonObject { ["error"] = error };
    }
}
