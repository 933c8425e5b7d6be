using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// Lists with standard entries first, then the rest, and the limit applied to that order (as
/// SQLite's <c>ORDER BY CASE kind …</c> does): the standard ones are read first, then as many
/// others as the limit leaves room for, each in the given order.
/// </summary>
internal static class MongoStandardFirst
{
    private const string Standard = "Standard";

    public static async Task<List<T>> ListAsync<T>(IMongoCollection<T> collection, FilterDefinition<T> ofTeam,
        FieldDefinition<T, string> kind, SortDefinition<T> sort, int limit, CancellationToken cancellationToken)
    {
        var filter = Builders<T>.Filter;
        var listed = await collection.Find(ofTeam & filter.Eq(kind, Standard)).Sort(sort).Limit(limit).ToListAsync(cancellationToken);
        if (listed.Count < limit)
            listed.AddRange(await collection.Find(ofTeam & filter.Ne(kind, Standard)).Sort(sort).Limit(limit - listed.Count)
                .ToListAsync(cancellationToken));
        return listed;
    }
}
