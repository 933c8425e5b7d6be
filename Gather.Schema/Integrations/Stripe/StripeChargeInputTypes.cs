using Gather.Infrastructure.Integrations.StripeIntegration;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Schema.Records;
using Gather.Schema.Typed;
using GraphQL.Types;
using ModelFieldType = Gather.Infrastructure.Models.FieldType;
using FieldType = GraphQL.Types.FieldType;

namespace Gather.Schema.Integrations.StripeIntegration;

/// <summary>Conditions on a record's attached Stripe charge (<c>where: { stripeCharge: { status: { eq: "succeeded" } } }</c>).</summary>
public sealed class StripeChargeFilterInputType : InputObjectGraphType
{
    public StripeChargeFilterInputType()
    {
        Name = "StripeChargeFilterInput";
        Description = "Conditions on the attached Stripe charge's fields.";
        foreach (var (name, type) in ChargeSnapshot.Fields)
            AddField(new FieldType { Name = name, Type = type == ModelFieldType.Int ? typeof(LongOperationFilterInputType) : TypedGraphTypes.OperationInput(type) });
    }
}

/// <summary>Sort keys on a record's attached Stripe charge (<c>order: [{ stripeCharge: { amount: DESC } }]</c>).</summary>
public sealed class StripeChargeSortInputType : InputObjectGraphType
{
    public StripeChargeSortInputType()
    {
        Name = "StripeChargeSortInput";
        Description = "Sort keys on the attached Stripe charge's fields.";
        foreach (var (name, _) in ChargeSnapshot.Fields)
            AddField(new FieldType { Name = name, Type = typeof(SortEnumType) });
    }
}
