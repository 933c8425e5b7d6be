using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Integrations.StripeIntegration;
using Gather.Infrastructure.Security;
using Gather.Schema.Common;
using Gather.Schema.Errors;
using GraphQL;
using GraphQL.Types;

namespace Gather.Schema.Integrations;

/// <summary>Adds <c>connectStripe</c> and <c>disconnectIntegration</c>. Both require ADMIN: they handle credentials.</summary>
public sealed class IntegrationMutations : IMutationFields
{
    public void AddTo(MutationType mutation)
    {
        mutation.Field<NonNullGraphType<ConnectStripePayloadType>>("connectStripe")
            .Description("Connects the team's Stripe account: the key is checked with Stripe, then stored encrypted. Requires ADMIN.")
            .Argument<NonNullGraphType<ConnectStripeInputType>>("input")
            .RequireScope(ApiKeyScope.Admin)
            .ResolveAsync(async c => Payload<Integration>.Of(await c.Service<StripeConnection>().ConnectAsync(
                c.TeamStore(), c.GetArgument<ConnectStripeInput>("input").SecretKey, c.CancellationToken)));

        mutation.Field<NonNullGraphType<DisconnectIntegrationPayloadType>>("disconnectIntegration")
            .Description("Disconnects an integration and deletes its stored key. Requires ADMIN.")
            .Argument<NonNullGraphType<DisconnectIntegrationInputType>>("input")
            .RequireScope(ApiKeyScope.Admin)
            .ResolveAsync(async c => Payload<Integration>.Of(await c.Service<IntegrationService>().DisconnectAsync(
                c.TeamStore(), c.GetArgument<DisconnectIntegrationInput>("input").Id, c.CancellationToken)));
    }
}
