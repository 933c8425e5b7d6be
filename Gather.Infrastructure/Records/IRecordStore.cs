using Gather.Infrastructure.Records.Querying;

namespace Gather.Infrastructure.Records;

/// <summary>A team's records. Obtained from <see cref="Teams.ITeamStore.Records"/>, so always team-scoped.</summary>
public interface IRecordStore
{
    /// <summary>
    /// Upserts valid patches by key with <see cref="SyncPlanner"/>'s merge rule and updates the
    /// field catalogue. Concurrent syncs of one key never lose an update or duplicate a record.
    /// </summary>
    Task<IReadOnlyList<RecordOutcome>> SyncAsync(string modelId, IReadOnlyList<RecordPatch> patches, DateTimeOffset now,
        CancellationToken cancellationToken);

    /// <summary>The records with these keys; absent keys are skipped. One round trip.</summary>
    Task<IReadOnlyList<StoredRecord>> GetManyAsync(string modelId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>One page of records matching the query, in the query's order.</summary>
    Task<RecordPage> QueryAsync(string modelId, RecordQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Related records for many parents in one round trip: for each link value that has any,
    /// one page of the records reached through <paramref name="link"/> that match the query,
    /// in the query's order (the page reads forward; its cursor applies to every value).
    /// </summary>
    Task<IReadOnlyDictionary<string, RecordPage>> QueryRelatedAsync(string modelId, RecordLink link, RecordQuery query,
        CancellationToken cancellationToken);

    /// <summary>For each link value, how many records reached through <paramref name="link"/> match; values with none are omitted.</summary>
    Task<IReadOnlyDictionary<string, long>> CountRelatedAsync(string modelId, RecordLink link, RecordFilter? where,
        IReadOnlyList<string> searchTerms, CancellationToken cancellationToken);

    /// <summary>How many records match the filter and search terms (paging aside).</summary>
    Task<long> CountAsync(string modelId, RecordFilter? where, IReadOnlyList<string> searchTerms, CancellationToken cancellationToken);

    /// <summary>
    /// Attaches each snapshot as <c>linked.{section}</c> of the model's records whose
    /// <paramref name="field"/> holds its id, by <see cref="AttachedData.TryApply"/>'s rule (a newer
    /// state held is kept); returns how many records changed. One round trip on SQLite.
    /// </summary>
    Task<int> AttachAsync(string modelId, FieldPath field, string section, IReadOnlyList<AttachedSnapshot> snapshots, DateTimeOffset now,
        CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> ids held in <paramref name="field"/> (text values) by records
    /// that have nothing attached in <paramref name="section"/>, or another object than that id.
    /// </summary>
    Task<IReadOnlyList<string>> UnattachedIdsAsync(string modelId, FieldPath field, string section, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// How the model's records are covered by <paramref name="section"/> through the ids in
    /// <paramref name="field"/>: counts, and up to <paramref name="examples"/> records (by id, in
    /// id order) without an id and with an id nothing is attached for. A scan of the model.
    /// </summary>
    Task<AttachmentCoverage> CoverageAsync(string modelId, FieldPath field, string section, int examples, CancellationToken cancellationToken);

    /// <summary>Deletes the records with these keys and updates the field catalogue; returns the keys that existed.</summary>
    Task<IReadOnlyList<string>> DeleteAsync(string modelId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}
