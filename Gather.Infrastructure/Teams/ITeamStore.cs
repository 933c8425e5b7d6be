using Gather.Infrastructure.Indexes;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Relationships;
using Gather.Infrastructure.Security;
using Gather.Infrastructure.Views;

namespace Gather.Infrastructure.Teams;

/// <summary>
/// Storage confined to one team. Implementations put <see cref="TeamId"/> into every filter
/// and refuse to write a document that names another team, so no caller can forget it.
/// </summary>
public interface ITeamStore
{
    string TeamId { get; }

    /// <summary>The team's models.</summary>
    IModelStore Models { get; }

    /// <summary>The team's records.</summary>
    IRecordStore Records { get; }

    /// <summary>The team's relationships between models.</summary>
    IRelationshipStore Relationships { get; }

    /// <summary>The team's saved views.</summary>
    IViewStore Views { get; }

    /// <summary>The team's integrations (Stripe), their secrets encrypted.</summary>
    IIntegrationStore Integrations { get; }

    /// <summary>The team's integration tasks, with their run state and lease.</summary>
    IIntegrationTaskStore IntegrationTasks { get; }

    /// <summary>The team's field indexes: who holds each, and the team's limit on them.</summary>
    IFieldIndexStore FieldIndexes { get; }

    Task<Team?> GetTeamAsync(CancellationToken cancellationToken);

    /// <exception cref="DuplicateDocumentException">the key's id or secret already exists.</exception>
    Task InsertApiKeyAsync(ApiKey apiKey, CancellationToken cancellationToken);

    Task<ApiKey?> GetApiKeyAsync(string id, CancellationToken cancellationToken);

    /// <summary>The team's keys, newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Marks a key revoked; returns it as stored afterwards, or null when the team has no such key.</summary>
    Task<ApiKey?> RevokeApiKeyAsync(string id, DateTimeOffset revokedAt, CancellationToken cancellationToken);
}
