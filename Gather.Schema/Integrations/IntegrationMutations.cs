using Gather.Infrastructure.Integrations.Operations;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Security;
using Gather.Schema.Common;
using Gather.Schema.Errors;
using GraphQL;
using GraphQL.Types;

namespace Gather.Schema.Integrations;

/// <summary>
/// Adds each registered integration's connect mutation (<c>connectStripe</c>) and
/// <c>disconnectIntegration</c>. All require ADMIN: they handle credentials.
/// </summary>
public sealed class IntegrationMutations(IEnumerable<IConnectIntegrationFields> connects) : IMutationFields
{
    public void AddTo(MutationType mutation)
    {
        foreach (var integration in connects)
            integration.AddTo(mutation);

        mutation.Field<NonNullGraphType<DisconnectIntegrationPayloadType>>("disconnectIntegration")
            .Description("Disconnects an integration and deletes its stored key. Requires ADMIN.")
            .Argument<NonNullGraphType<DisconnectIntegrationInputType>>("input")
            .RequireScope(ApiKeyScope.Admin)
            .ResolveAsync(async c => Payload<Integration>.Of(await c.Service<IntegrationService>().DisconnectAsync(
                c.TeamStore(), c.GetArgument<DisconnectIntegrationInput>("input").Id, c.CancellationToken)));
    }
}
