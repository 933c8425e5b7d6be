using System.Text.Json.Nodes;

namespace Gather.Infrastructure.Records;

/// <summary>
/// A record as stored: keyed by its model's ID field, with the synced <see cref="Data"/> and
/// the <see cref="Linked"/> data integrations attach. <see cref="Version"/> counts writes and
/// guards concurrent updates.
/// </summary>
public sealed record StoredRecord(
    string ModelId,
    string Key,
    JsonObject Data,
    JsonObject Linked,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version)
{
    /// <summary>The folded text <c>search</c> looks in; stored beside the record so both stores search it alike.</summary>
    public string SearchText => Records.SearchText.Of(Data, Linked);
}

/// <summary>What a sync did with one record.</summary>
public enum RecordSyncStatus
{
    Created,
    Updated,
    /// <summary>The record already held exactly these values; nothing was written.</summary>
    Unchanged,
}

/// <summary>The outcome of one record of a sync, by its position in the batch.</summary>
public sealed record RecordOutcome(int Index, string Key, RecordSyncStatus Status);
