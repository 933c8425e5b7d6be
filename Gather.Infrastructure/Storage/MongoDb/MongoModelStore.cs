using Gather.Infrastructure.Models;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>One team's models in MongoDB; every filter names the team.</summary>
internal sealed class MongoModelStore(MongoCollections collections, string teamId, MongoFieldStatsRepair statsRepair)
    : MongoDocuments<Model, ModelDocument>(collections.Models, teamId, ModelDocument.Mapping), IModelStore
{
    public async Task<Model?> SettleFieldsAsync(string id, IReadOnlyList<SettledField> proposed, CancellationToken cancellationToken)
    {
        if (proposed.Count > 0)
        {
            // Each update is atomic on the model's document, so the first writer of a path wins and a
            // widening happens once; in order, so paths are added in the order they were proposed.
            var writes = proposed.SelectMany(p => MongoSettledFields.Updates(MongoQueries.ById<ModelDocument>(TeamId, id), p)).ToList();
            await collections.Models.BulkWriteAsync(writes, new BulkWriteOptions { IsOrdered = true }, cancellationToken: cancellationToken);
        }
        return await GetAsync(id, cancellationToken);
    }

    async Task<long?> IModelStore.DeleteAsync(string id, CancellationToken cancellationToken)
    {
        // The model goes first, so syncs that look it up stop finding it; then its data.
        if (!await DeleteAsync(id, cancellationToken))
            return null;
        var records = await collections.RecordsOf(TeamId).DeleteManyAsync(MongoRecordQueries.OfModel(TeamId, id), cancellationToken);
        await collections.FieldStats.DeleteManyAsync(MongoFieldStats.OfModel(TeamId, id), cancellationToken);
        await collections.FieldStatsPending.DeleteManyAsync(MongoFieldStats.OfModel(TeamId, id), cancellationToken);
        await collections.Relationships.DeleteManyAsync(MongoRelationshipStore.OfModel(TeamId, id), cancellationToken);
        return records.DeletedCount;
    }

    public async Task<ModelWithStatistics?> GetWithFieldStatisticsAsync(string id, CancellationToken cancellationToken)
    {
        // Independent reads, sent together: the caller waits for the longer of the two, not their sum.
        var model = GetAsync(id, cancellationToken);
        var statistics = GetFieldStatisticsAsync([id], cancellationToken);
        await Task.WhenAll(model, statistics);
        return model.Result is { } found ? new ModelWithStatistics(found, statistics.Result.GetValueOrDefault(id) ?? []) : null;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<FieldStatistic>>> GetFieldStatisticsAsync(
        IReadOnlyCollection<string> modelIds, CancellationToken cancellationToken)
    {
        // Models whose last writes failed between records and counts are recounted first.
        await statsRepair.RepairAsync(modelIds, cancellationToken);
        var documents = await collections.FieldStats.Find(MongoFieldStats.Counted(TeamId, modelIds))
            .Sort(new BsonDocument { { FieldStatDocument.ModelId, 1 }, { FieldStatDocument.Path, 1 }, { FieldStatDocument.Kind, 1 } })
            .ToListAsync(cancellationToken);
        return documents.GroupBy(d => d[FieldStatDocument.ModelId].AsString, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<FieldStatistic>)g.Select(d => new FieldStatistic(d[FieldStatDocument.Path].AsString,
                Enum.Parse<ValueKind>(d[FieldStatDocument.Kind].AsString), d[FieldStatDocument.Count].ToInt64())).ToList(),
            StringComparer.Ordinal);
    }
}
