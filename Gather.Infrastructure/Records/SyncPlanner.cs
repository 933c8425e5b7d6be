using System.Text.Json.Nodes;
using Gather.Infrastructure.Models;

namespace Gather.Infrastructure.Records;

/// <summary>
/// Decides what a batch of patches does to the stored records: created, updated or unchanged,
/// the records to write (one per key, the batch applied in order) and the field catalogue's
/// count changes. Both adapters use it, so the merge rule is the same everywhere.
/// </summary>
/// <remarks>
/// The merge rule: a patch's fields replace the record's fields of the same name; fields it
/// does not mention are kept; a field sent as null is removed. Objects are replaced whole.
/// </remarks>
public static class SyncPlanner
{
    /// <summary>A record to write; <see cref="ExpectedVersion"/> is the stored version it replaces, null for a new record.</summary>
    public sealed record Write(StoredRecord Record, long? ExpectedVersion);

    public sealed record Plan(
        IReadOnlyList<RecordOutcome> Outcomes,
        IReadOnlyList<Write> Writes,
        IReadOnlyDictionary<(string Path, ValueKind Kind), long> CatalogueDelta);

    public static Plan Build(string modelId, IReadOnlyDictionary<string, StoredRecord> existing,
        IEnumerable<RecordPatch> patches, DateTimeOffset now)
    {
        var current = new Dictionary<string, StoredRecord?>(StringComparer.Ordinal);
        var outcomes = new List<RecordOutcome>();
        foreach (var patch in patches)
        {
            if (!current.TryGetValue(patch.Key, out var record))
                record = existing.GetValueOrDefault(patch.Key);

            var merged = Merge(record?.Data, patch.Fields);
            if (record is not null && JsonNode.DeepEquals(record.Data, merged))
            {
                outcomes.Add(new(patch.Index, patch.Key, RecordSyncStatus.Unchanged));
                continue;
            }
            var original = existing.GetValueOrDefault(patch.Key);
            current[patch.Key] = record is null
                ? new StoredRecord(modelId, patch.Key, merged, [], now, now, 1)
                : record with { Data = merged, UpdatedAt = now, Version = (original?.Version ?? 0) + 1 };
            // A key synced twice in one batch: the first patch creates it, the second updates that.
            outcomes.Add(new(patch.Index, patch.Key, record is null ? RecordSyncStatus.Created : RecordSyncStatus.Updated));
        }

        var writes = new List<Write>();
        var delta = new Dictionary<(string, ValueKind), long>();
        foreach (var (key, record) in current)
        {
            var original = existing.GetValueOrDefault(key);
            writes.Add(new Write(record!, original?.Version));
            FieldCatalogue.AddDelta(delta, original?.Data, record!.Data);
        }
        foreach (var zero in delta.Where(d => d.Value == 0).Select(d => d.Key).ToList())
            delta.Remove(zero);
        return new Plan(outcomes, writes, delta);
    }

    public static JsonObject Merge(JsonObject? stored, JsonObject patch)
    {
        var merged = stored is null ? new JsonObject() : (JsonObject)stored.DeepClone();
        foreach (var (name, value) in patch)
        {
            if (value is null)
                merged.Remove(name);
            else
                merged[name] = value.DeepClone();
        }
        return merged;
    }
}
