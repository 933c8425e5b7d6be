using Microsoft.Extensions.Logging;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// Moves the records of the one collection all teams once shared (<c>records</c>) into each
/// team's own (<see cref="TeamRecords"/>), at start-up, a batch at a time: each batch is copied,
/// then deleted from the shared collection, so a start that stops half-way leaves every record in
/// one place or both, and the next start finishes (a record already copied is a duplicate and
/// skipped, and one the team has written since wins). The teams' field indexes are then built on
/// their own collections, and the shared collection, with its indexes, is dropped. An instance of
/// an older version still writing to the shared collection meanwhile recreates it; the next start
/// moves what it wrote.
/// </summary>
internal static class MongoRecordCollectionMigration
{
    private const int BatchSize = 1_000;

    public static async Task RunAsync(MongoCollections collections, ILogger logger, CancellationToken cancellationToken)
    {
        var names = await (await collections.Database.ListCollectionNamesAsync(cancellationToken: cancellationToken)).ToListAsync(cancellationToken);
        if (!names.Contains(RecordDocument.SharedCollection))
            return;
        var moved = 0L;
        while (true)
        {
            var batch = await collections.SharedRecords.Find(FilterDefinition<BsonDocument>.Empty)
                .Sort(new BsonDocument("_id", 1)).Limit(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
                break;
            // Every team's collection has its indexes already (MongoTeamRecords.EnsureAllAsync runs first),
            // the unique key among them, so a record copied twice is refused as a duplicate.
            foreach (var team in batch.GroupBy(d => d[RecordDocument.TeamId].AsString))
            {
                try
                {
                    await collections.RecordsOf(team.Key).InsertManyAsync(team, new InsertManyOptions { IsOrdered = false }, cancellationToken);
                }
                catch (MongoBulkWriteException e) when (e.WriteErrors.All(w => w.Category == ServerErrorCategory.DuplicateKey))
                {
                    // Copied by a start that stopped before deleting them, or written anew since: the team's own copy stays.
                }
            }
            await collections.SharedRecords.DeleteManyAsync(
                new BsonDocument("_id", new BsonDocument("$in", new BsonArray(batch.Select(d => d["_id"])))), cancellationToken);
            moved += batch.Count;
        }

        using (var registry = await collections.FieldIndexes.FindAsync(FilterDefinition<BsonDocument>.Empty, cancellationToken: cancellationToken))
            while (await registry.MoveNextAsync(cancellationToken))
                foreach (var index in registry.Current)
                    await MongoRecordIndexes.CreateAsync(collections.Database, index["teamId"].AsString, index["_id"].AsString,
                        MongoFieldIndexStore.KeyOf(index), cancellationToken);
        await collections.Database.DropCollectionAsync(RecordDocument.SharedCollection, cancellationToken);
        logger.LogInformation("Moved {Count} records from the shared records collection into each team's own", moved);
    }
}
