using Gather.Infrastructure.IntegrationTasks;
using System.Text.Json;

namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>
/// A Stripe charge as Gather reads it: the fields CS staff use, and Stripe's object exactly as
/// Stripe sent it (<see cref="Json"/>), for generic records and attached data.
/// </summary>
public sealed record StripeCharge(
    string Id, long Amount, long AmountCaptured, long AmountRefunded, string Currency, string Status,
    bool Paid, bool Refunded, bool Disputed, DateTimeOffset Created, string? Description, string? ReceiptUrl,
    string? FailureCode, string? FailureMessage, string? PaymentIntent, string? Customer, JsonElement Metadata, JsonElement Json) : IStripeObject
{
    /// <summary>Reads a charge object (<c>"object": "charge"</c>); the element must outlive its document (cloned or deserialized).</summary>
    public static StripeCharge From(JsonElement json) => new(
        StripeJson.Text(json, "id"), StripeJson.Number(json, "amount"), StripeJson.Number(json, "amount_captured"),
        StripeJson.Number(json, "amount_refunded"), StripeJson.Text(json, "currency"), StripeJson.Text(json, "status"),
        StripeJson.Flag(json, "paid"), StripeJson.Flag(json, "refunded"), StripeJson.Flag(json, "disputed"), StripeJson.Time(json, "created"),
        StripeJson.OptionalText(json, "description"), StripeJson.OptionalText(json, "receipt_url"), StripeJson.OptionalText(json, "failure_code"),
        StripeJson.OptionalText(json, "failure_message"), StripeJson.ExpandableId(json, "payment_intent"), StripeJson.ExpandableId(json, "customer"),
        StripeJson.Metadata(json), json);
}
