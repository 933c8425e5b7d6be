using Gather.Infrastructure.Records.Querying;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// How a page is read: a plain sorted <c>find</c> that a field index can serve where MongoDB's own
/// order is Gather's (<see cref="MongoPlainOrder"/>), else the aggregation on computed sort keys.
/// Both return the same records in the same order.
/// </summary>
internal sealed partial class MongoRecordStore
{
    private async Task<List<BsonDocument>> PageDocumentsAsync(string modelId, RecordQuery query, CancellationToken cancellationToken)
    {
        if (await MongoPlainOrder.CheckAsync(collections, teamId, modelId, query.Order, cancellationToken) is { } plain)
        {
            var find = MongoSortedFind.Page(teamId, modelId, query, plain.Kinds);
            var documents = await _records.Find(find.Filter, new FindOptions { BatchSize = find.Limit })
                .Sort(find.Sort).Limit(find.Limit).ToListAsync(cancellationToken);
            // A write that started meanwhile may have put a new kind of value on the page unannounced.
            if (await plain.StillHoldsAsync(cancellationToken))
                return documents;
        }
        return await _records
            .Aggregate<BsonDocument>(MongoRecordQueries.PagePipeline(teamId, modelId, query), cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);
    }
}
