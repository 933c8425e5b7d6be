using Gather.Infrastructure.IntegrationTasks;
using System.Text.Json.Nodes;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Records;

namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>
/// What Sync Stripe Charges attaches to a record (<c>linked.stripeCharge</c>): the charge fields
/// CS staff filter, sort and search on, named as the GraphQL <c>StripeCharge</c> type names them
/// (<c>stripeCharge.status</c>, <c>stripeCharge.amount</c>). Not Stripe's whole object, whose
/// card and address details would crowd search and storage.
/// </summary>
public static class ChargeSnapshot
{
    public static JsonObject Of(StripeCharge charge) => new()
    {
        ["id"] = charge.Id,
        ["amount"] = charge.Amount,
        ["amountCaptured"] = charge.AmountCaptured,
        ["amountRefunded"] = charge.AmountRefunded,
        ["currency"] = charge.Currency,
        ["status"] = charge.Status,
        ["paid"] = charge.Paid,
        ["refunded"] = charge.Refunded,
        ["disputed"] = charge.Disputed,
        // As Gather stores DATETIME values, so it compares and sorts with them.
        ["created"] = charge.Created.UtcDateTime.ToString(DeclaredTypeConversion.DateTimeFormat, System.Globalization.CultureInfo.InvariantCulture),
        ["description"] = charge.Description,
        ["receiptUrl"] = charge.ReceiptUrl,
        ["failureCode"] = charge.FailureCode,
        ["failureMessage"] = charge.FailureMessage,
        ["paymentIntent"] = charge.PaymentIntent,
        ["customer"] = charge.Customer,
        ["metadata"] = JsonNode.Parse(charge.Metadata.GetRawText()),
    };

    /// <summary>The charge's snapshot as attached: keyed by its id, as of <paramref name="asOf"/> (Unix seconds), so a newer state wins.</summary>
    public static AttachedSnapshot Attached(StripeCharge charge, long asOf) => new(charge.Id, Of(charge), asOf);

    /// <summary>The charge a snapshot describes, to show attached data as a <c>StripeCharge</c> (its <c>Json</c> is the snapshot).</summary>
    public static StripeCharge ToCharge(JsonObject snapshot)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToElement(snapshot);
        string? Text(string name) => snapshot[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        long Number(string name) => snapshot[name] is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;
        bool Flag(string name) => snapshot[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
        var created = DateTimeOffset.TryParse(Text("created"), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : DateTimeOffset.UnixEpoch;
        return new StripeCharge(Text("id") ?? "", Number("amount"), Number("amountCaptured"), Number("amountRefunded"), Text("currency") ?? "",
            Text("status") ?? "", Flag("paid"), Flag("refunded"), Flag("disputed"), created, Text("description"), Text("receiptUrl"),
            Text("failureCode"), Text("failureMessage"), Text("paymentIntent"), Text("customer"),
            StripeJson.Metadata(json), json);
    }

    /// <summary>The snapshot's fields and the GraphQL scalar each is filtered and sorted as (metadata aside).</summary>
    public static readonly IReadOnlyList<(string Name, Models.FieldType Type)> Fields =
    [
        ("id", Models.FieldType.String), ("amount", Models.FieldType.Int), ("amountCaptured", Models.FieldType.Int),
        ("amountRefunded", Models.FieldType.Int), ("currency", Models.FieldType.String), ("status", Models.FieldType.String),
        ("paid", Models.FieldType.Boolean), ("refunded", Models.FieldType.Boolean), ("disputed", Models.FieldType.Boolean),
        ("created", Models.FieldType.DateTime), ("description", Models.FieldType.String), ("receiptUrl", Models.FieldType.String),
        ("failureCode", Models.FieldType.String), ("failureMessage", Models.FieldType.String), ("paymentIntent", Models.FieldType.String),
        ("customer", Models.FieldType.String),
    ];
}
