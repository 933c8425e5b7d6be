namespace Gather.Infrastructure.Relationships;

/// <summary>A team's relationships. Obtained from <see cref="Teams.ITeamStore.Relationships"/>, so always team-scoped.</summary>
public interface IRelationshipStore
{
    /// <summary>Inserts those of <paramref name="relationships"/> whose id is not stored yet.</summary>
    Task EnsureAsync(IReadOnlyList<Relationship> relationships, CancellationToken cancellationToken);

    /// <exception cref="DuplicateDocumentException">the from model already has a relationship of that name, or the to model one of that inverse name.</exception>
    Task InsertAsync(Relationship relationship, CancellationToken cancellationToken);

    /// <summary>The team's relationships, standard first, then by name; at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Relationship>> ListAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Deletes a relationship; false when the team has none with that id.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}
