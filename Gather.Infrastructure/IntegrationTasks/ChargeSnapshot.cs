using System.Text.Json.Nodes;
using Gather.Infrastructure.Integrations;

namespace Gather.Infrastructure.IntegrationTasks;

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
        ["created"] = charge.Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        ["description"] = charge.Description,
        ["receiptUrl"] = charge.ReceiptUrl,
        ["failureCode"] = charge.FailureCode,
        ["failureMessage"] = charge.FailureMessage,
        ["paymentIntent"] = charge.PaymentIntent,
        ["customer"] = charge.Customer,
        ["metadata"] = JsonNode.Parse(charge.Metadata.GetRawText()),
    };
}
