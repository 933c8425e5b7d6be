using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Integrations.StripeIntegration;
using Gather.Infrastructure.Security;
using Gather.Schema.Common;
using Gather.Schema.Errors;
using GraphQL;
using GraphQL.Types;

namespace Gather.Schema.Integrations.StripeIntegration;

/// <summary><c>connectStripe</c>: the key is checked with Stripe, then stored encrypted (<see cref="StripeConnection"/>).</summary>
public sealed class ConnectStripeMutation : IConnectIntegrationFields
{
    public void AddTo(MutationType mutation) =>
        mutation.Field<NonNullGraphType<ConnectStripePayloadType>>("connectStripe")
            .Description("Connects the team's Stripe account: the key is checked with Stripe, then stored encrypted. Requires ADMIN.")
            .Argument<NonNullGraphType<ConnectStripeInputType>>("input")
            .RequireScope(ApiKeyScope.Admin)
            .ResolveAsync(async c => Payload<Integration>.Of(await c.Service<StripeConnection>().ConnectAsync(
                c.TeamStore(), c.GetArgument<ConnectStripeInput>("input").SecretKey, c.CancellationToken)));
}
