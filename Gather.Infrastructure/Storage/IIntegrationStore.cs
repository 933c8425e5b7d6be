using Gather.Infrastructure.Integrations;

namespace Gather.Infrastructure.Storage;

/// <summary>A team's integrations. Obtained from <see cref="ITeamStore.Integrations"/>, so always team-scoped.</summary>
public interface IIntegrationStore
{
    /// <exception cref="DuplicateDocumentException">the team already has an integration of that kind.</exception>
    Task InsertAsync(Integration integration, CancellationToken cancellationToken);

    Task<IReadOnlyList<Integration>> ListAsync(CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}
