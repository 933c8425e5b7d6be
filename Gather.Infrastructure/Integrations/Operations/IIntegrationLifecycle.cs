using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Teams;

namespace Gather.Infrastructure.Integrations.Operations;

/// <summary>
/// What the rest of Gather does when a team connects or disconnects an integration (start its
/// tasks; remove them and its webhook endpoint), so that integrations need not know those parts.
/// </summary>
public interface IIntegrationLifecycle
{
    /// <summary>After the integration and its models are stored.</summary>
    Task ConnectedAsync(ITeamStore team, Integration integration, CancellationToken cancellationToken);

    /// <summary>Before the integration is deleted, while its key is still stored to reach the service with.</summary>
    Task DisconnectingAsync(ITeamStore team, Integration integration, CancellationToken cancellationToken);
}
