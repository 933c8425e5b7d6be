using Gather.Infrastructure.Indexes;
using Gather.Infrastructure.Records.Querying;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// The MongoDB index behind each registered field index (<see cref="MongoFieldIndexStore"/>):
/// <c>{teamId: 1, modelId: 1, &lt;field&gt;: ±1, …, key: 1}</c> on the team's own records collection
/// (<see cref="TeamRecords"/>), partial on the team and the model, so it holds that model's records
/// only, and other teams' writes never meet it. Its order is the
/// order of a sorted page on those fields (ties by key), so a page sorted by them reads the index
/// in order and stops after the page (<see cref="MongoSortedFind"/>); equality and ranges on its
/// leading fields are index bounds. Its name is the registry's, derived from team, model and fields,
/// so every instance asks for the same index and creating one that exists is a no-op.
/// </summary>
internal static class MongoRecordIndexes
{
    /// <summary>How often a build aborted by a racing drop is started again before giving up.</summary>
    private const int Attempts = 5;

    /// <summary>The <c>createIndexes</c> command for a registered index, exactly as sent.</summary>
    public static BsonDocument CreateCommand(string teamId, string name, FieldIndexKey key)
    {
        var keys = new BsonDocument { { RecordDocument.TeamId, 1 }, { RecordDocument.ModelId, 1 } };
        // A path named twice adds nothing to the order after its first place (and BSON keys are unique).
        foreach (var field in key.Fields.DistinctBy(f => f.Path))
            keys.Add(MongoRecordQueries.DataPath(field.Path), field.Direction == Records.Querying.SortDirection.Descending ? -1 : 1);
        keys.Add(RecordDocument.Key, 1);
        return new BsonDocument
        {
            { "createIndexes", TeamRecords.NameFor(teamId) },
            { "indexes", new BsonArray
                {
                    new BsonDocument
                    {
                        { "key", keys },
                        { "name", name },
                        { "partialFilterExpression", new BsonDocument
                            {
                                { RecordDocument.TeamId, new BsonDocument("$eq", teamId) },
                                { RecordDocument.ModelId, new BsonDocument("$eq", key.ModelId) },
                            }
                        },
                    },
                }
            },
        };
    }

    public static BsonDocument DropCommand(string teamId, string name) => new() { { "dropIndexes", TeamRecords.NameFor(teamId) }, { "index", name } };

    /// <summary>
    /// Builds the index (a no-op when it exists). False when the server refuses it for good (MongoDB
    /// allows 64 indexes per collection, and each team's records have a collection of their own); the
    /// registration then still counts and pages stay right, only unserved by an index. A build aborted by a concurrent drop (a last
    /// owner letting go an instant before this holder registered) is started again.
    /// </summary>
    public static async Task<bool> CreateAsync(IMongoDatabase database, string teamId, string name, FieldIndexKey key,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await database.RunCommandAsync<BsonDocument>(CreateCommand(teamId, name, key), cancellationToken: cancellationToken);
                return true;
            }
            catch (MongoCommandException e) when (e.CodeName == "CannotCreateIndex" || e.Code == 67)
            {
                return false;
            }
            catch (MongoCommandException e) when (e.CodeName == "IndexOptionsConflict" || e.Code == 85)
            {
                // The same keys and partial filter under another name: the planner can use that one.
                return true;
            }
            catch (MongoCommandException e) when ((e.CodeName == "IndexBuildAborted" || e.Code == 276) && attempt < Attempts)
            {
            }
        }
    }

    /// <summary>Drops the index; one already gone is fine.</summary>
    public static async Task DropAsync(IMongoDatabase database, string teamId, string name, CancellationToken cancellationToken)
    {
        try
        {
            await database.RunCommandAsync<BsonDocument>(DropCommand(teamId, name), cancellationToken: cancellationToken);
        }
        catch (MongoCommandException e) when (e.CodeName is "IndexNotFound" or "NamespaceNotFound" || e.Code is 27 or 26)
        {
        }
    }

    /// <summary>
    /// Makes the index exist exactly when it is registered, after a registration was deleted. The
    /// registry (one document per index) is the truth and changes atomically; the index follows it
    /// in separate commands, so an instance letting go of the last owner can drop the index just as
    /// another instance registers it anew (its create a no-op, the index still there), leaving a
    /// registered index dropped. So whoever deletes a registration drops the index and then reads
    /// the registry again: registered meanwhile, it builds the index again, and once more reads the
    /// registry, until what it did matches what it read. A holder registers before it builds, so
    /// either this read sees the new registration or the holder's build comes after this drop.
    /// Every registry change is followed by its writer's own settling, so the last action taken
    /// matches the last registry state.
    /// </summary>
    public static async Task SettleAsync(MongoCollections collections, string teamId, string name, FieldIndexKey key,
        CancellationToken cancellationToken)
    {
        var registered = await IsRegisteredAsync(collections, teamId, name, cancellationToken);
        for (var round = 0; round < Attempts; round++)
        {
            if (registered)
                await CreateAsync(collections.Database, teamId, name, key, cancellationToken);
            else
                await DropAsync(collections.Database, teamId, name, cancellationToken);
            var now = await IsRegisteredAsync(collections, teamId, name, cancellationToken);
            if (now == registered)
                return;
            registered = now;
        }
    }

    private static async Task<bool> IsRegisteredAsync(MongoCollections collections, string teamId, string name,
        CancellationToken cancellationToken) =>
        await collections.FieldIndexes.Find(new BsonDocument { { "_id", name }, { "teamId", teamId } }).Limit(1)
            .Project(new BsonDocument("_id", 1)).AnyAsync(cancellationToken);
}
