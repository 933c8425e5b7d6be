using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.IntegrationTasks;
using GraphQL.Types;

namespace Gather.Schema.IntegrationTasks;

public sealed record CreateIntegrationTaskInput(string IntegrationId, IntegrationTaskKind Kind, IntegrationTaskOptionsInput? Options);

public sealed record IntegrationTaskOptionsInput(string? ModelId, string? ChargeIdField);

public sealed class CreateIntegrationTaskInputType : InputObjectGraphType<CreateIntegrationTaskInput>
{
    public CreateIntegrationTaskInputType()
    {
        Name = "CreateIntegrationTaskInput";
        Field(i => i.IntegrationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The integration to sync from.");
        Field(i => i.Kind, type: typeof(NonNullGraphType<IntegrationTaskKindType>));
        Field(i => i.Options, type: typeof(IntegrationTaskOptionsInputType)).Description("Required for SYNC_STRIPE_CHARGES.");
    }
}

public sealed class IntegrationTaskOptionsInputType : InputObjectGraphType<IntegrationTaskOptionsInput>
{
    public IntegrationTaskOptionsInputType()
    {
        Name = "IntegrationTaskOptionsInput";
        Field(i => i.ModelId, type: typeof(IdGraphType)).Description("Model ID: the model whose records hold Stripe charge ids.");
        Field(i => i.ChargeIdField, nullable: true).Description("Stripe Charge ID Field: the field holding them, e.g. stripe_charge_id.");
    }
}

public sealed record IntegrationTaskIdInput(string Id);

public sealed class IntegrationTaskIdInputType : InputObjectGraphType<IntegrationTaskIdInput>
{
    public IntegrationTaskIdInputType()
    {
        Name = "IntegrationTaskIdInput";
        Field(i => i.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The integration task.");
    }
}
