namespace Gather.Infrastructure.Integrations;

/// <summary>A team's integrations. Obtained from <see cref="Teams.ITeamStore.Integrations"/>, so always team-scoped.</summary>
public interface IIntegrationStore
{
    /// <exception cref="DuplicateDocumentException">the team already has an integration of that kind.</exception>
    Task InsertAsync(Integration integration, CancellationToken cancellationToken);

    Task<IReadOnlyList<Integration>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The team's integration with that id, or null. A team has at most one per kind, so its list is the lookup.</summary>
    async Task<Integration?> FindAsync(string? id, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(id) ? null : (await ListAsync(cancellationToken)).FirstOrDefault(i => i.Id == id);

    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>Records the integration's webhook endpoint (both null: it has none); false when the team has no such integration.</summary>
    Task<bool> SetWebhookAsync(string id, string? endpointId, string? encryptedSecret, CancellationToken cancellationToken);

    /// <summary>
    /// Remembers a webhook event id once its effect is stored; false when it was remembered before
    /// (a duplicate delivery that raced this one). Ids older than <paramref name="forgetBefore"/>
    /// are forgotten on the way.
    /// </summary>
    Task<bool> RememberEventAsync(string integrationId, string eventId, DateTimeOffset now, DateTimeOffset forgetBefore,
        CancellationToken cancellationToken);

    /// <summary>Whether a webhook event id is remembered: its effect was stored, so a delivery of it again is a duplicate.</summary>
    Task<bool> HasEventAsync(string integrationId, string eventId, CancellationToken cancellationToken);
}
