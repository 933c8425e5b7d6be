using System.Text.Json;
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
    private (JsonObject Data, JsonElement Json)? _read;

    /// <summary>The folded text <c>search</c> looks in; stored beside the record so both stores search it alike.</summary>
    public string SearchText => Records.SearchText.Of(Data, Linked);

    /// <summary>
    /// The JSON <see cref="Data"/> was read from, for readers that pick a few values out of many
    /// records: <see cref="Data"/> builds a node per property on first access, this does not.
    /// Null for records not read from JSON, and for a copy whose <see cref="Data"/> was
    /// replaced (records are changed by replacing <see cref="Data"/>, never in place).
    /// </summary>
    public JsonElement? StoredData => _read is { } read && ReferenceEquals(read.Data, Data) ? read.Json : null;

    /// <summary>A record whose data is read from JSON: a store's JSON text, or an integration's object.</summary>
    public static StoredRecord Read(string modelId, string key, JsonElement data, JsonObject linked,
        DateTimeOffset createdAt, DateTimeOffset updatedAt, long version)
    {
        var record = new StoredRecord(modelId, key, JsonObject.Create(data)!, linked, createdAt, updatedAt, version);
        record._read = (record.Data, data);
        return record;
    }
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
