using System.Text.Json.Nodes;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// Attached data on MongoDB: read the records that name a page's ids, apply
/// <see cref="AttachedData.TryApply"/>, and write the changed ones back conditionally on the
/// version read (two round trips per page; a record changed in between is read again after a
/// jittered wait, within the sync retry budget).
/// </summary>
internal sealed partial class MongoRecordStore
{
    public async Task<int> AttachAsync(string modelId, FieldPath field, string section, IReadOnlyList<AttachedSnapshot> snapshots,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var byId = snapshots.GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var changed = 0;
        // Not a sync batch, so its attempts stay out of the sync attempts histogram.
        await backoff.RetryAsync(byId.Keys.ToList(), async pending =>
        {
            var filter = MongoRecordQueries.Naming(teamId, modelId, field, pending);
            var records = (await _records.Find(filter).ToListAsync(cancellationToken)).Select(d => d.ToRecord()).ToList();
            var writes = new List<(StoredRecord Record, string Id)>();
            foreach (var record in records)
            {
                if (RecordCursor.ValueAt(record.Data, field)?.GetValue<string>() is not { } id || !byId.TryGetValue(id, out var snapshot))
                    continue;
                // The record was just read, so its linked object is this call's own; records naming one id each get a copy.
                if (AttachedData.TryApply(record.Linked, section, (JsonObject)snapshot.Value.DeepClone(), snapshot.AsOf))
                    writes.Add((record with { UpdatedAt = now, Version = record.Version + 1 }, id));
            }
            var lostIds = new HashSet<string>(StringComparer.Ordinal);
            if (writes.Count > 0)
            {
                var requests = writes.Select(w => (WriteModel<BsonDocument>)new ReplaceOneModel<BsonDocument>(
                    MongoRecordQueries.ByKeyAndVersion(teamId, modelId, w.Record.Key, w.Record.Version - 1), w.Record.ToDocument(teamId))).ToList();
                var result = await _records.BulkWriteAsync(requests, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
                changed += (int)result.ModifiedCount;
                if (result.MatchedCount < writes.Count)
                {
                    // Some record changed after it was read: read those ids again and re-apply.
                    var written = await _records.Find(new BsonDocument(MongoRecordQueries.ByKeys(teamId, modelId, writes.Select(w => w.Record.Key))))
                        .Project(new BsonDocument { { RecordDocument.Key, 1 }, { RecordDocument.Version, 1 } }).ToListAsync(cancellationToken);
                    var versions = written.ToDictionary(d => d[RecordDocument.Key].AsString, d => d[RecordDocument.Version].ToInt64(), StringComparer.Ordinal);
                    foreach (var (record, id) in writes.Where(w => versions.GetValueOrDefault(w.Record.Key) != w.Record.Version))
                        lostIds.Add(id);
                }
            }
            return lostIds.ToList();
        }, (count, _) => $"Other writers kept changing the records naming {count} {section} ids; try again shortly.", attempts: null, cancellationToken);
        return changed;
    }

    public async Task<IReadOnlyList<string>> UnattachedIdsAsync(string modelId, FieldPath field, string section, int limit,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var groups = await _records
            .Aggregate<BsonDocument>(MongoRecordQueries.UnattachedIds(teamId, modelId, field, section, limit), cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);
        return groups.Select(g => g["_id"].AsString).ToList();
    }
}
