using Gather.Infrastructure.Models;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// Keeps a model's field statistics from drifting without transactions (standalone servers have
/// none). Record writes and their <c>$inc</c>s are separate commands, so each write first notes
/// itself in the model's pending document (<c>started</c> counter plus one entry with its time)
/// and takes the entry out once its increments are written. An entry older than the grace period
/// belongs to a write that failed between the two: the next statistics read recounts that model
/// from its records and replaces its statistics. The recount only clears entries when no write
/// ran alongside it (no fresh entry before, <c>started</c> unchanged after); otherwise the entries
/// stay and a later read repairs again.
/// </summary>
internal sealed class MongoFieldStatsRepair(MongoCollections collections, string teamId, TimeProvider time, TimeSpan grace)
{
    public const string Collection = "modelFieldStatsPending";

    /// <summary>One pending document per model, so concurrent writers' upserts meet on it.</summary>
    public static IEnumerable<CreateIndexModel<BsonDocument>> Indexes =>
    [
        new(new BsonDocument { { FieldStatDocument.TeamId, 1 }, { FieldStatDocument.ModelId, 1 } },
            new CreateIndexOptions { Name = "teamId_modelId_unique", Unique = true }),
    ];

    /// <summary>The pending document's counter of writes started and its list of writes not yet counted (read by <see cref="MongoPlainOrder"/>).</summary>
    internal const string Started = "started", Pending = "pending";

    private const string Id = "id", At = "at";

    /// <summary>Notes a write about to start; returns its entry's id for <see cref="DoneAsync"/>.</summary>
    public async Task<ObjectId> StartAsync(string modelId, CancellationToken cancellationToken)
    {
        var id = ObjectId.GenerateNewId();
        await collections.FieldStatsPending.UpdateOneAsync(ById(modelId),
            new BsonDocument
            {
                { "$inc", new BsonDocument(Started, 1L) },
                { "$push", new BsonDocument(Pending, Entry(id, time.GetUtcNow().UtcDateTime)) },
                { "$setOnInsert", new BsonDocument { { FieldStatDocument.TeamId, teamId }, { FieldStatDocument.ModelId, modelId } } },
            },
            new UpdateOptions { IsUpsert = true }, cancellationToken);
        return id;
    }

    /// <summary>The write's records and increments are both stored: its entry goes.</summary>
    public Task DoneAsync(string modelId, ObjectId id, CancellationToken cancellationToken) =>
        collections.FieldStatsPending.UpdateOneAsync(ById(modelId),
            new BsonDocument("$pull", new BsonDocument(Pending, new BsonDocument(Id, id))), cancellationToken: cancellationToken);

    /// <summary>Recounts each of these models that holds an entry older than the grace period.</summary>
    public async Task RepairAsync(IReadOnlyCollection<string> modelIds, CancellationToken cancellationToken)
    {
        if (modelIds.Count == 0)
            return;
        var cutoff = time.GetUtcNow().UtcDateTime - grace;
        var stale = await collections.FieldStatsPending.Find(new BsonDocument
        {
            { FieldStatDocument.TeamId, teamId },
            { FieldStatDocument.ModelId, new BsonDocument("$in", new BsonArray(modelIds.Distinct())) },
            { $"{Pending}.{At}", new BsonDocument("$lt", cutoff) },
        }).ToListAsync(cancellationToken);
        foreach (var document in stale)
            await RecountAsync(document, cutoff, cancellationToken);
    }

    private async Task RecountAsync(BsonDocument pending, DateTime cutoff, CancellationToken cancellationToken)
    {
        var modelId = pending[FieldStatDocument.ModelId].AsString;
        var entries = pending[Pending].AsBsonArray.Select(e => e.AsBsonDocument).ToList();
        // A write in flight would be counted twice or not at all: leave the model for a later read.
        if (entries.Any(e => e[At].ToUniversalTime() >= cutoff))
            return;
        var started = pending[Started].ToInt64();

        var counts = new Dictionary<(string Path, ValueKind Kind), long>();
        using (var cursor = await collections.RecordsOf(teamId).FindAsync(MongoRecordQueries.OfModel(teamId, modelId),
                   new FindOptions<BsonDocument> { Projection = new BsonDocument(RecordDocument.Data, 1) }, cancellationToken))
            while (await cursor.MoveNextAsync(cancellationToken))
                foreach (var record in cursor.Current)
                    FieldCatalogue.AddDelta(counts, null, MongoJson.ToJson(record[RecordDocument.Data].AsBsonDocument));

        // Replace in place: set every counted pair, then drop pairs no record holds any more. A
        // failure part-way leaves the stale entries, so the next read recounts again.
        var writes = counts.Select(c => (WriteModel<BsonDocument>)new UpdateOneModel<BsonDocument>(
            MongoFieldStats.OfPair(teamId, modelId, c.Key.Path, c.Key.Kind),
            new BsonDocument("$set", new BsonDocument(FieldStatDocument.Count, c.Value))) { IsUpsert = true }).ToList();
        if (writes.Count > 0)
            await collections.FieldStats.BulkWriteAsync(writes, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
        var gone = (await collections.FieldStats.Find(MongoFieldStats.OfModel(teamId, modelId)).ToListAsync(cancellationToken))
            .Where(d => !counts.ContainsKey((d[FieldStatDocument.Path].AsString, Enum.Parse<ValueKind>(d[FieldStatDocument.Kind].AsString))))
            .Select(d => d["_id"]).ToList();
        if (gone.Count > 0)
            await collections.FieldStats.DeleteManyAsync(new BsonDocument("_id", new BsonDocument("$in", new BsonArray(gone))), cancellationToken);

        // Cleared only if no write started meanwhile; else its increments may be counted twice, so repair again later.
        await collections.FieldStatsPending.UpdateOneAsync(
            new BsonDocument(ById(modelId)) { { Started, started } },
            new BsonDocument("$pull", new BsonDocument(Pending,
                new BsonDocument(Id, new BsonDocument("$in", new BsonArray(entries.Select(e => e[Id])))))),
            cancellationToken: cancellationToken);
    }

    private BsonDocument ById(string modelId) => MongoFieldStats.OfModel(teamId, modelId);

    private static BsonDocument Entry(ObjectId id, DateTime at) => new() { { Id, id }, { At, at } };
}
