using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Security;

namespace Gather.Infrastructure.Teams;

/// <summary>
/// The storage port. Only the operations that must run before a caller's team is known live
/// here (authentication, bootstrap, health); everything else goes through
/// <see cref="ForTeam"/>, whose store applies the team to every read and write.
/// </summary>
public interface IGatherStore
{
    /// <summary>A store whose every call is confined to <paramref name="teamId"/>.</summary>
    ITeamStore ForTeam(string teamId);

    /// <summary>Authentication: finds a key by the hash of its secret, revoked or not.</summary>
    Task<ApiKey?> FindApiKeyBySecretHashAsync(string secretHash, CancellationToken cancellationToken);

    /// <summary>The oldest team, which bootstrap treats as the instance's own team.</summary>
    Task<Team?> FindFirstTeamAsync(CancellationToken cancellationToken);

    /// <summary>Creates a team together with its first key, so a team never exists without a way in.</summary>
    Task CreateTeamAsync(Team team, ApiKey firstKey, CancellationToken cancellationToken);

    /// <summary>
    /// Every team's integration tasks: the scheduler's view, which has to know the teams with
    /// tasks before it can act for one. Runs then go through <see cref="ForTeam"/>.
    /// </summary>
    Task<IReadOnlyList<IntegrationTask>> ListAllIntegrationTasksAsync(CancellationToken cancellationToken);

    /// <summary>The team owning an integration: a Stripe webhook names only the integration in its URL.</summary>
    Task<string?> FindIntegrationTeamAsync(string integrationId, CancellationToken cancellationToken);

    /// <summary>One cheap round trip that fails when the database is unreachable.</summary>
    Task PingAsync(CancellationToken cancellationToken);
}
