using Gather.Infrastructure.Integrations.StripeIntegration;
using Gather.Schema.Common;
using GraphQL.Types;
using Gather.Infrastructure.Integrations;

namespace Gather.Schema.Integrations.StripeIntegration;

/// <summary>A page of Stripe charges, newest first; the cursor is Stripe's own (a charge id).</summary>
public sealed record StripeChargesPage(IReadOnlyList<StripeCharge> Nodes, bool HasNextPage, bool HasPreviousPage);

public sealed class StripeChargesConnectionType : ObjectGraphType<StripeChargesPage>
{
    public StripeChargesConnectionType()
    {
        Name = "StripeChargesConnection";
        Description = "A page of a customer's Stripe charges, newest first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StripeChargeType>>>>("nodes").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => new PageInfo(
            c.Source.HasNextPage, c.Source.HasPreviousPage, c.Source.Nodes.FirstOrDefault()?.Id, c.Source.Nodes.LastOrDefault()?.Id));
    }
}
