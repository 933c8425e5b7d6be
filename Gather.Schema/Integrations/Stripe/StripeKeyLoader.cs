using Gather.Infrastructure.Integrations.StripeIntegration;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Teams;
using Gather.Schema.Common;
using Gather.Schema.Loading;
using GraphQL;

namespace Gather.Schema.Integrations.StripeIntegration;

/// <summary>The team's decrypted Stripe key, or null when Stripe is not connected; read once per request.</summary>
public sealed class StripeKeyLoader(StripeReader reader, ITeamStore team, CancellationToken cancellationToken)
    : RequestLookup<string?>(() => reader.KeyAsync(team, cancellationToken))
{
    public static StripeKeyLoader For(IResolveFieldContext context) =>
        context.Loaders().Get(() => new StripeKeyLoader(context.Service<StripeReader>(), context.TeamStore(), context.CancellationToken));
}
