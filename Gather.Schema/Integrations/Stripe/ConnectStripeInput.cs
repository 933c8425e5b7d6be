using GraphQL.Types;

namespace Gather.Schema.Integrations.StripeIntegration;

public sealed record ConnectStripeInput(string SecretKey);

public sealed class ConnectStripeInputType : InputObjectGraphType<ConnectStripeInput>
{
    public ConnectStripeInputType()
    {
        Name = "ConnectStripeInput";
        Field(i => i.SecretKey).Description("A Stripe secret key (sk_…) or restricted key (rk_…) with read access; checked with Stripe, then stored encrypted.");
    }
}
