using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// Whether MongoDB's own order of an order's paths is Gather's in one model, so that a page can be
/// a plain sorted <c>find</c> (<see cref="MongoSortedFind"/>): per the model's field statistics,
/// each path holds at most one kind of scalar (numbers; or strings; or booleans) besides null and
/// missing, no objects or arrays, and no array on the way to it. Attached data has no statistics,
/// so its paths keep the computed sort keys.
/// <para>
/// The statistics are written after the records, in separate commands, so a record of a new kind
/// can be readable before it is counted. Each write notes itself first in the model's pending
/// document (<see cref="MongoFieldStatsRepair"/>: a counter of writes started, and an entry until
/// its counts are in). So the pending document is read first, then the statistics, then the page,
/// then the counter again: a write in flight at the first read refuses the plain order; one that
/// ended before it has its counts in the statistics read after; one that started after it moves
/// the counter, and the page is read again the other way.
/// </para>
/// </summary>
internal sealed class MongoPlainOrder
{
    private readonly MongoCollections _collections;
    private readonly BsonDocument _pendingOfModel;
    private readonly long? _started;

    private MongoPlainOrder(MongoCollections collections, BsonDocument pendingOfModel, long? started, IReadOnlyList<ScalarKind> kinds)
    {
        _collections = collections;
        _pendingOfModel = pendingOfModel;
        _started = started;
        Kinds = kinds;
    }

    /// <summary>Per order key, the one kind of scalar its path holds besides null (<see cref="ScalarKind.Null"/>: none).</summary>
    public IReadOnlyList<ScalarKind> Kinds { get; }

    /// <summary>The plain order for this query, or null when the computed sort keys are needed.</summary>
    public static async Task<MongoPlainOrder?> CheckAsync(MongoCollections collections, string teamId, string modelId,
        IReadOnlyList<RecordSort> order, CancellationToken cancellationToken)
    {
        var pendingOfModel = MongoFieldStats.OfModel(teamId, modelId);
        if (order.Count == 0)
            return new MongoPlainOrder(collections, pendingOfModel, null, []); // By key alone: no field, nothing to check.
        if (order.Any(s => AttachedData.IsAttached(s.Path)) || order.DistinctBy(s => s.Path).Count() != order.Count)
            return null;

        var (started, writing) = await PendingAsync(collections, pendingOfModel, cancellationToken);
        if (writing)
            return null;
        var paths = order.Select(s => s.Path.ToString()).ToList();
        var prefixes = order.SelectMany(s => Enumerable.Range(1, s.Path.Segments.Count - 1)
            .Select(n => string.Join('.', s.Path.Segments.Take(n)))).ToList();
        var statistics = await collections.FieldStats.Find(new BsonDocument(MongoFieldStats.OfModel(teamId, modelId))
            {
                { FieldStatDocument.Path, new BsonDocument("$in", new BsonArray(paths.Concat(prefixes).Distinct())) },
                { FieldStatDocument.Count, new BsonDocument("$gt", 0) },
            }).Project(new BsonDocument { { "_id", 0 }, { FieldStatDocument.Path, 1 }, { FieldStatDocument.Kind, 1 } })
            .ToListAsync(cancellationToken);
        var held = statistics.Select(d => (Path: d[FieldStatDocument.Path].AsString, Kind: Enum.Parse<ValueKind>(d[FieldStatDocument.Kind].AsString)))
            .ToLookup(s => s.Path, s => s.Kind, StringComparer.Ordinal);
        if (prefixes.Any(p => held[p].Contains(ValueKind.Array)))
            return null;
        var kinds = new List<ScalarKind>();
        foreach (var path in paths)
        {
            var scalars = held[path].Select(ScalarOf).Distinct().ToList();
            if (scalars.Contains(null) || scalars.Count(k => k != ScalarKind.Null) > 1)
                return null;
            kinds.Add(scalars.FirstOrDefault(k => k != ScalarKind.Null) ?? ScalarKind.Null);
        }
        return new MongoPlainOrder(collections, pendingOfModel, started, kinds);
    }

    /// <summary>After the page was read: true when no write started since the check, so the statistics covered every record it saw.</summary>
    public async Task<bool> StillHoldsAsync(CancellationToken cancellationToken) =>
        _started is not { } started || (await PendingAsync(_collections, _pendingOfModel, cancellationToken)).Started == started;

    /// <summary>The model's count of writes started, and whether one has not finished (or failed between records and counts).</summary>
    private static async Task<(long Started, bool Writing)> PendingAsync(MongoCollections collections, BsonDocument pendingOfModel,
        CancellationToken cancellationToken)
    {
        var pending = await collections.FieldStatsPending.Find(pendingOfModel)
            .Project(new BsonDocument { { "_id", 0 }, { MongoFieldStatsRepair.Started, 1 }, { MongoFieldStatsRepair.Pending, 1 } })
            .FirstOrDefaultAsync(cancellationToken);
        if (pending is null)
            return (0, false);
        var writing = pending.TryGetValue(MongoFieldStatsRepair.Pending, out var entries) && entries.IsBsonArray && entries.AsBsonArray.Count > 0;
        return (pending.TryGetValue(MongoFieldStatsRepair.Started, out var count) ? count.ToInt64() : 0, writing);
    }

    /// <summary>The scalar a kind of value sorts as; null for objects and arrays, which MongoDB places elsewhere.</summary>
    private static ScalarKind? ScalarOf(ValueKind kind) => kind switch
    {
        ValueKind.Int or ValueKind.Float => ScalarKind.Number,
        ValueKind.String => ScalarKind.String,
        ValueKind.Boolean => ScalarKind.Boolean,
        ValueKind.Null => ScalarKind.Null,
        _ => null,
    };
}
