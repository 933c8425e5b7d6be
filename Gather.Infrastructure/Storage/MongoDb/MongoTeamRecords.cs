using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// A team's own records collection (<see cref="TeamRecords"/>): created with its indexes
/// (<see cref="RecordDocument.Indexes"/>) when the team is, and checked at every start-up for
/// teams created by an instance that stopped before it could. Creating indexes that exist is a
/// no-op, so every instance may do it.
/// </summary>
internal static class MongoTeamRecords
{
    public static Task EnsureIndexesAsync(MongoCollections collections, string teamId, CancellationToken cancellationToken) =>
        collections.RecordsOf(teamId).Indexes.CreateManyAsync(RecordDocument.Indexes, cancellationToken);

    /// <summary>Every team's collection, its indexes made sure of.</summary>
    public static async Task EnsureAllAsync(MongoCollections collections, CancellationToken cancellationToken)
    {
        using var teams = await collections.Teams.Find(FilterDefinition<TeamDocument>.Empty)
            .Project(new BsonDocument("_id", 1)).ToCursorAsync(cancellationToken);
        while (await teams.MoveNextAsync(cancellationToken))
            foreach (var team in teams.Current)
                await EnsureIndexesAsync(collections, team["_id"].AsString, cancellationToken);
    }
}
