using GraphQL.Types;

namespace Gather.Schema.Integrations;

public sealed record ConnectStripeInput(string SecretKey);

public sealed class ConnectStripeInputType : InputObjectGraphType<ConnectStripeInput>
{
    public ConnectStripeInputType()
    {
        Name = "ConnectStripeInput";
        Field(i => i.SecretKey).Description("A Stripe secret key (sk_…) or restricted key (rk_…) with read access; checked with Stripe, then stored encrypted.");
    }
}

public sealed record DisconnectIntegrationInput(string Id);

public sealed class DisconnectIntegrationInputType : InputObjectGraphType<DisconnectIntegrationInput>
{
    public DisconnectIntegrationInputType()
    {
        Name = "DisconnectIntegrationInput";
        Field(i => i.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The integration; its stored key is deleted.");
    }
}
