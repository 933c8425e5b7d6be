using Gather.Infrastructure.IntegrationTasks;
using GraphQL.Types;

namespace Gather.Schema.IntegrationTasks;

/// <summary>Something a task's run could not do, with a stable code.</summary>
public sealed class IntegrationTaskWarningType : ObjectGraphType<IntegrationTaskWarning>
{
    public IntegrationTaskWarningType()
    {
        Name = "IntegrationTaskWarning";
        Description = "Something a task's run could not do; the run still succeeded with everything else.";
        Field<NonNullGraphType<StringGraphType>>("code")
            .Description($"Stable for clients: {IntegrationTaskWarning.NoChargeIds} (no record holds a charge id in the field), "
                         + $"{IntegrationTaskWarning.NothingMatched} (Stripe knows none of the records' charge ids), "
                         + $"{IntegrationTaskWarning.UnknownChargeIds} (Stripe does not know some of them).")
            .Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("message").Description("What happened and what to check.").Resolve(c => c.Source.Message);
    }
}
