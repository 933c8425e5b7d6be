using Gather.Infrastructure.IntegrationTasks;
using System.Text.Json;

namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>A Stripe customer as Gather reads it, with Stripe's object as sent (<see cref="Json"/>).</summary>
public sealed record StripeCustomer(
    string Id, string? Email, string? Name, string? Description, string? Currency, long Balance, bool? Delinquent,
    DateTimeOffset Created, JsonElement Metadata, JsonElement Json) : IStripeObject
{
    public static StripeCustomer From(JsonElement json) => new(
        StripeJson.Text(json, "id"), StripeJson.OptionalText(json, "email"), StripeJson.OptionalText(json, "name"),
        StripeJson.OptionalText(json, "description"), StripeJson.OptionalText(json, "currency"), StripeJson.Number(json, "balance"),
        StripeJson.OptionalFlag(json, "delinquent"), StripeJson.Time(json, "created"), StripeJson.Metadata(json), json);
}
