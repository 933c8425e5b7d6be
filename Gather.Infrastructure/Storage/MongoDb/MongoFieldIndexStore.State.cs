using Gather.Infrastructure.Indexes;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// Status and size of a team's indexes on MongoDB, read from the <c>records</c> collection, where
/// each registered index is built under its registry name: <c>$collStats</c> storage statistics
/// give each index's bytes and the builds in progress. A server that does not answer
/// <c>$collStats</c> (a restricted role, a test double) leaves the size unknown with the reason,
/// and the status comes from the collection's index list.
/// </summary>
internal sealed partial class MongoFieldIndexStore
{
    private const string NoEntries = "MongoDB reports an index's size in bytes, not in entries.";

    /// <summary>MongoDB builds an index while writes go on, locking the collection only briefly at its start and end.</summary>
    public bool BuildBlocksWrites => false;

    public async Task<IReadOnlyDictionary<string, FieldIndexState>> StatesAsync(IReadOnlyList<FieldIndex> indexes,
        CancellationToken cancellationToken)
    {
        var states = new Dictionary<string, FieldIndexState>(StringComparer.Ordinal);
        if (indexes.Count == 0)
            return states;
        var stats = await StorageStatsAsync(cancellationToken);
        var listed = stats is null ? await ListedAsync(cancellationToken) : null;
        foreach (var index in indexes)
        {
            if (stats is not null)
            {
                var sizes = stats.GetValue("indexSizes", new BsonDocument()).AsBsonDocument;
                var building = stats.GetValue("indexBuilds", new BsonArray()).AsBsonArray.Any(b => b.IsString && b.AsString == index.Name);
                long? bytes = sizes.TryGetValue(index.Name, out var size) && size.IsNumeric ? size.ToInt64() : null;
                states[index.Name] = new FieldIndexState(building || bytes is null ? FieldIndexStatus.Building : FieldIndexStatus.Ready,
                    null, bytes, bytes is null ? "The index is still being built." : NoEntries);
            }
            else
            {
                states[index.Name] = new FieldIndexState(listed!.Contains(index.Name) ? FieldIndexStatus.Ready : FieldIndexStatus.Building,
                    null, null, "The MongoDB server did not report index sizes ($collStats storage statistics).");
            }
        }
        return states;
    }

    /// <summary>The records collection's storage statistics; null when the server does not give them.</summary>
    private async Task<BsonDocument?> StorageStatsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var pipeline = new[] { new BsonDocument("$collStats", new BsonDocument("storageStats", new BsonDocument())) };
            var reply = await collections.RecordsOf(teamId).Aggregate<BsonDocument>(pipeline, cancellationToken: cancellationToken).FirstOrDefaultAsync(cancellationToken);
            return reply?.GetValue("storageStats", BsonNull.Value) as BsonDocument;
        }
        catch (MongoCommandException)
        {
            return null;
        }
    }

    private async Task<HashSet<string>> ListedAsync(CancellationToken cancellationToken)
    {
        try
        {
            var indexes = await (await collections.RecordsOf(teamId).Indexes.ListAsync(cancellationToken)).ToListAsync(cancellationToken);
            return indexes.Select(i => i.GetValue("name", "").AsString).ToHashSet(StringComparer.Ordinal);
        }
        catch (MongoCommandException)
        {
            return [];
        }
    }
}
