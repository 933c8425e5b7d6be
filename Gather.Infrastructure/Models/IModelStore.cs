namespace Gather.Infrastructure.Models;

/// <summary>A team's models and their field statistics. Obtained from <see cref="Teams.ITeamStore.Models"/>, so always team-scoped.</summary>
public interface IModelStore
{
    /// <summary>Inserts those of <paramref name="models"/> whose id is not stored yet; the rest are left as they are.</summary>
    Task EnsureAsync(IReadOnlyList<Model> models, CancellationToken cancellationToken);

    /// <exception cref="DuplicateDocumentException">the team already has a model of that name (case-insensitive).</exception>
    Task InsertAsync(Model model, CancellationToken cancellationToken);

    Task<Model?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The team's models, standard ones first, then by name; at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Model>> ListAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Stores a model's new name, declared fields and update time; null when the team has no such model.</summary>
    /// <exception cref="DuplicateDocumentException">another model of the team has that name.</exception>
    Task<Model?> UpdateAsync(Model model, CancellationToken cancellationToken);

    /// <summary>
    /// Settles field kinds by <see cref="FieldSettling.Merge"/>'s rule, atomically against other
    /// writers: a path not settled yet takes the proposed kind (the first writer wins), INT widens
    /// to FLOAT, and nothing else changes. Returns the model as it is afterwards, or null when the
    /// team has no such model.
    /// </summary>
    Task<Model?> SettleFieldsAsync(string id, IReadOnlyList<SettledField> proposed, CancellationToken cancellationToken);

    /// <summary>Deletes a model with all its records and field statistics; the number of records deleted, or null when there was no such model.</summary>
    Task<long?> DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// For each of the models, how many of its records carry each (path, kind), by path; entries
    /// at zero may be omitted, and so may models without any. One round trip.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<FieldStatistic>>> GetFieldStatisticsAsync(IReadOnlyCollection<string> modelIds,
        CancellationToken cancellationToken);

    /// <summary>
    /// The model with its field statistics (as <see cref="GetFieldStatisticsAsync"/> gives them),
    /// for a page that names paths: read together rather than one after the other (one round trip
    /// on SQLite; on MongoDB, reads sent at once). Null when the team has no such model.
    /// </summary>
    Task<ModelWithStatistics?> GetWithFieldStatisticsAsync(string id, CancellationToken cancellationToken);
}
