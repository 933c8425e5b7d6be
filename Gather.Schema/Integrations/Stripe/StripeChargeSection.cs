using Gather.Infrastructure.Integrations.StripeIntegration;
using System.Text.Json.Nodes;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Records;
using Gather.Schema.Records;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Gather.Schema.Integrations.StripeIntegration;

/// <summary>
/// The Stripe charge Sync Stripe Charges attaches to a record (<c>stripeCharge</c>), as Stripe
/// contributes it to a typed record type: the charge as last attached, and its fields as filter
/// conditions and sort keys.
/// </summary>
public sealed class StripeChargeSection : AttachedSection
{
    public static readonly StripeChargeSection Instance = new();

    private StripeChargeSection()
    {
    }

    public override string Name => AttachedData.StripeCharge;

    public override IReadOnlyList<string> InputTypeNames { get; } = ["StripeChargeFilterInput", "StripeChargeSortInput"];

    public override FieldType RecordField() => new()
    {
        Name = Name,
        Description = "The Stripe charge this record's charge id names, as Sync Stripe Charges last attached it; null when none is attached. " +
                      "The field stays once the model has had a charge task, also after Stripe is disconnected (it then shows the charge last attached).",
        Type = typeof(StripeChargeType),
        Resolver = new FuncFieldResolver<RecordNode, object?>(c =>
            c.Source.Record.Linked[AttachedData.StripeCharge] is JsonObject snapshot ? ChargeSnapshot.ToCharge(snapshot) : null),
    };

    public override FieldType FilterField() => new() { Name = Name, Description = "The attached Stripe charge.", Type = typeof(StripeChargeFilterInputType) };

    public override FieldType SortField() => new() { Name = Name, Description = "The attached Stripe charge.", Type = typeof(StripeChargeSortInputType) };
}
