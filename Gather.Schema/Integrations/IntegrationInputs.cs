using GraphQL.Types;

namespace Gather.Schema.Integrations;

public sealed record DisconnectIntegrationInput(string Id);

public sealed class DisconnectIntegrationInputType : InputObjectGraphType<DisconnectIntegrationInput>
{
    public DisconnectIntegrationInputType()
    {
        Name = "DisconnectIntegrationInput";
        Field(i => i.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The integration; its stored key is deleted.");
    }
}
