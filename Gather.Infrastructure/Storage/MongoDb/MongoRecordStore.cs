using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Telemetry;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// One team's records in MongoDB. Syncs need no transaction: each write is conditional on the
/// version it was planned against (an update is an upsert filtered on that version, so a
/// concurrent change turns it into a duplicate-key error on the unique key; a new record is an
/// insert). Keys that lost a race are re-read and re-planned after a jittered wait
/// (<see cref="MongoSyncBackoff"/>), so no update is lost; past the retry budget the sync stops
/// with <see cref="StoreContendedException"/>, having written only whole records.
/// Records and their field statistics are separate commands; <see cref="MongoFieldStatsRepair"/>
/// notes each write before it starts so a failure between the two is recounted on a later read.
/// </summary>
/// <param name="afterRecordWrites">Tests only: runs between a write's records and its statistics, to fail there.</param>
internal sealed partial class MongoRecordStore(MongoCollections collections, string teamId, MongoSyncBackoff backoff,
    MongoFieldStatsRepair statsRepair, Func<Task>? afterRecordWrites = null) : IRecordStore
{
    /// <summary>The team's own records collection (<see cref="TeamRecords"/>).</summary>
    private readonly IMongoCollection<BsonDocument> _records = collections.RecordsOf(teamId);

    /// <summary>MongoDB's largest document (BSON), for a record's data, search text and attached data together.</summary>
    public const int MaxDocumentBytes = 16 * 1024 * 1024;

    public async Task<IReadOnlyList<RecordOutcome>> SyncAsync(string modelId, IReadOnlyList<RecordPatch> patches,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (patches.Count == 0)
            return [];
        var pendingWrite = await statsRepair.StartAsync(modelId, cancellationToken);
        try
        {
            var outcomes = await SyncAttemptsAsync(modelId, patches, now, cancellationToken);
            await statsRepair.DoneAsync(modelId, pendingWrite, cancellationToken);
            return outcomes;
        }
        catch (Exception e) when (e is StoreContendedException or RecordTooLargeException)
        {
            // Both stop before an attempt's writes; earlier attempts wrote their statistics too.
            await statsRepair.DoneAsync(modelId, pendingWrite, cancellationToken);
            throw;
        }
    }

    private async Task<IReadOnlyList<RecordOutcome>> SyncAttemptsAsync(string modelId, IReadOnlyList<RecordPatch> patches,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outcomes = new List<RecordOutcome>();
        await backoff.RetryAsync(patches, async pending =>
        {
            var existing = (await GetManyAsync(modelId, pending.Select(p => p.Key).Distinct().ToList(), cancellationToken))
                .ToDictionary(r => r.Key, StringComparer.Ordinal);
            var plan = SyncPlanner.Build(modelId, existing, pending, now);
            var lost = await WriteAsync(plan.Writes, cancellationToken);
            if (afterRecordWrites is not null)
                await afterRecordWrites();

            var delta = new Dictionary<(string Path, ValueKind Kind), long>();
            foreach (var write in plan.Writes.Where(w => !lost.Contains(w.Record.Key)))
                FieldCatalogue.AddDelta(delta, existing.GetValueOrDefault(write.Record.Key)?.Data, write.Record.Data);
            if (MongoFieldStats.Increments(teamId, modelId, delta) is { Count: > 0 } increments)
                await collections.FieldStats.BulkWriteAsync(increments, new BulkWriteOptions { IsOrdered = false }, cancellationToken);

            outcomes.AddRange(plan.Outcomes.Where(o => !lost.Contains(o.Key)));
            return pending.Where(p => lost.Contains(p.Key)).ToList();
        }, (count, attempts) =>
            $"Other writers kept changing {count} of these records during {attempts} attempts; nothing of them was written. Send them again shortly.",
            GatherTelemetry.SyncAttempts, cancellationToken);
        return outcomes.OrderBy(o => o.Index).ToList();
    }

    /// <summary>Writes the plan; returns the keys whose write lost a race and must be planned again.</summary>
    private async Task<HashSet<string>> WriteAsync(IReadOnlyList<SyncPlanner.Write> writes, CancellationToken cancellationToken)
    {
        var lost = new HashSet<string>(StringComparer.Ordinal);
        if (writes.Count == 0)
            return lost;
        // Serialised once here, both to measure each document against the server's limit before
        // anything is written and to hand the driver bytes it need not serialise again.
        // A new record gets its _id here, as the driver would (it cannot add one to raw bytes).
        var documents = writes.Select(w =>
        {
            var document = w.Record.ToDocument(teamId);
            if (w.ExpectedVersion is null)
                document.InsertAt(0, new BsonElement("_id", ObjectId.GenerateNewId()));
            return new RawBsonDocument(document.ToBson());
        }).ToList();
        var tooLarge = documents.Select((d, i) => (Key: writes[i].Record.Key, Bytes: (long)d.Slice.Length))
            .Where(d => d.Bytes > MaxDocumentBytes).ToDictionary(d => d.Key, d => d.Bytes, StringComparer.Ordinal);
        if (tooLarge.Count > 0)
            throw new RecordTooLargeException(tooLarge, MaxDocumentBytes);
        var requests = writes.Select((w, i) => w.ExpectedVersion is { } version
            ? (WriteModel<BsonDocument>)new ReplaceOneModel<BsonDocument>(
                MongoRecordQueries.ByKeyAndVersion(teamId, w.Record.ModelId, w.Record.Key, version), documents[i])
            { IsUpsert = true }
            : new InsertOneModel<BsonDocument>(documents[i])).ToList();
        try
        {
            await _records.BulkWriteAsync(requests, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
        }
        catch (MongoBulkWriteException<BsonDocument> e) when (e.WriteErrors.All(w => w.Category == ServerErrorCategory.DuplicateKey)
                                                              && e.WriteConcernError is null)
        {
            foreach (var error in e.WriteErrors)
                lost.Add(writes[error.Index].Record.Key);
        }
        return lost;
    }

    public async Task<IReadOnlyList<StoredRecord>> GetManyAsync(string modelId, IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
            return [];
        var documents = await _records.Find(MongoRecordQueries.ByKeys(teamId, modelId, keys)).ToListAsync(cancellationToken);
        return documents.Select(d => d.ToRecord()).ToList();
    }

    public async Task<RecordPage> QueryAsync(string modelId, RecordQuery query, CancellationToken cancellationToken)
    {
        var documents = await PageDocumentsAsync(modelId, query, cancellationToken);
        return RecordPage.FromRows(documents.Select(d => d.ToRecord()).ToList(), query.Page.Size, query.Page.Backward);
    }

    public async Task<IReadOnlyDictionary<string, RecordPage>> QueryRelatedAsync(string modelId, RecordLink link, RecordQuery query,
        CancellationToken cancellationToken)
    {
        if (link.Values.Count == 0)
            return new Dictionary<string, RecordPage>();
        var documents = await _records
            .Aggregate<BsonDocument>(MongoRelatedQueries.Page(teamId, modelId, link, query), cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);
        var field = link.Field;
        return documents
            .OrderBy(d => d[MongoRelatedQueries.Position].ToInt64())
            .Select(d => d.ToRecord())
            .Select(r => (Record: r, Link: field is null ? r.Key : Relationships.LinkValues.Of(RecordCursor.ValueAt(r.Data, field))))
            .Where(x => x.Link is not null)
            .GroupBy(x => x.Link!, x => x.Record, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => RecordPage.FromRows(g.ToList(), query.Page.Size), StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, long>> CountRelatedAsync(string modelId, RecordLink link, RecordFilter? where,
        IReadOnlyList<string> searchTerms, CancellationToken cancellationToken)
    {
        if (link.Values.Count == 0)
            return new Dictionary<string, long>();
        var groups = await _records
            .Aggregate<BsonDocument>(MongoRelatedQueries.Count(teamId, modelId, link, where, searchTerms), cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);
        return groups.Where(g => g["_id"].IsString).ToDictionary(g => g["_id"].AsString, g => g["count"].ToInt64(), StringComparer.Ordinal);
    }

    public Task<long> CountAsync(string modelId, RecordFilter? where, IReadOnlyList<string> searchTerms,
        CancellationToken cancellationToken) =>
        _records.CountDocumentsAsync(MongoRecordQueries.Matching(teamId, modelId, where, searchTerms),
            cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<string>> DeleteAsync(string modelId, IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken)
    {
        // One delete per key, each returning what it removed, so the catalogue is adjusted by exactly what left.
        var delta = new Dictionary<(string Path, ValueKind Kind), long>();
        var deleted = new List<string>();
        if (keys.Count == 0)
            return deleted;
        var pendingWrite = await statsRepair.StartAsync(modelId, cancellationToken);
        foreach (var key in keys.Distinct())
        {
            var document = await _records.FindOneAndDeleteAsync(
                MongoRecordQueries.ByKey(teamId, modelId, key), cancellationToken: cancellationToken);
            if (document is null)
                continue;
            deleted.Add(key);
            FieldCatalogue.AddDelta(delta, document.ToRecord().Data, null);
        }
        if (afterRecordWrites is not null)
            await afterRecordWrites();
        if (MongoFieldStats.Increments(teamId, modelId, delta) is { Count: > 0 } increments)
            await collections.FieldStats.BulkWriteAsync(increments, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
        await statsRepair.DoneAsync(modelId, pendingWrite, cancellationToken);
        return deleted;
    }
}
