using Gather.Schema.Records;
using GraphQL.Types;

namespace Gather.Schema.StandardModels;

/// <summary>
/// Fields an integration adds to the standard Customer type (Stripe: the customer's Stripe
/// customer and charges, found by email), after the customer's own fields and its account.
/// </summary>
public interface ICustomerFields
{
    void AddTo(ObjectGraphType<RecordNode> customer);
}
