using Gather.Schema.Common;
using GraphQL.Types;
using Stripe;

namespace Gather.Schema.Stripe;

/// <summary>A Stripe customer, fetched from Stripe on demand.</summary>
public sealed class StripeCustomerType : ObjectGraphType<Customer>
{
    public StripeCustomerType()
    {
        Name = "StripeCustomer";
        Description = "A customer in Stripe, read from Stripe when asked for.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<StringGraphType>("email").Resolve(c => c.Source.Email);
        Field<StringGraphType>("name").Resolve(c => c.Source.Name);
        Field<StringGraphType>("description").Resolve(c => c.Source.Description);
        Field<StringGraphType>("currency").Resolve(c => c.Source.Currency);
        Field<NonNullGraphType<LongGraphType>>("balance").Description("In the smallest currency unit; negative is credit.").Resolve(c => c.Source.Balance);
        Field<BooleanGraphType>("delinquent").Resolve(c => c.Source.Delinquent);
        Field<NonNullGraphType<DateTimeType>>("created").Resolve(c => new DateTimeOffset(DateTime.SpecifyKind(c.Source.Created, DateTimeKind.Utc)));
        Field<NonNullGraphType<JsonScalarType>>("metadata").Resolve(c => StripeJson.Metadata(c.Source.Metadata));
    }
}

/// <summary>Stripe values as Gather's JSON scalar expects them.</summary>
internal static class StripeJson
{
    public static System.Text.Json.Nodes.JsonObject Metadata(IDictionary<string, string>? metadata) =>
        new((metadata ?? new Dictionary<string, string>()).Select(p =>
            KeyValuePair.Create(p.Key, (System.Text.Json.Nodes.JsonNode?)System.Text.Json.Nodes.JsonValue.Create(p.Value))));
}
