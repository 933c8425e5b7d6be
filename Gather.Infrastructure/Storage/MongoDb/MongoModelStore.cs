using Gather.Infrastructure.Models;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>One team's models in MongoDB; every filter names the team.</summary>
internal sealed class MongoModelStore(MongoCollections collections, string teamId, MongoFieldStatsRepair statsRepair) : IModelStore
{
    private static readonly FilterDefinitionBuilder<ModelDocument> Filter = Builders<ModelDocument>.Filter;

    public async Task EnsureAsync(IReadOnlyList<Model> models, CancellationToken cancellationToken)
    {
        foreach (var model in models)
        {
            TeamScope.EnsureOwned(teamId, model.TeamId, "model");
            try
            {
                await collections.Models.InsertOneAsync(model.ToDocument(), cancellationToken: cancellationToken);
            }
            catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
            {
                // Already there (another instance ensured it first): keep what is stored.
            }
        }
    }

    public Task InsertAsync(Model model, CancellationToken cancellationToken)
    {
        TeamScope.EnsureOwned(teamId, model.TeamId, "model");
        return MongoWrites.InsertAsync(collections.Models, model.ToDocument(), $"A model named '{model.Name}'", cancellationToken);
    }

    public async Task<Model?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await collections.Models.Find(ById(id)).FirstOrDefaultAsync(cancellationToken))?.ToDomain();

    public async Task<IReadOnlyList<Model>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var documents = await MongoStandardFirst.ListAsync(collections.Models, Filter.Eq(m => m.TeamId, teamId), m => m.Kind,
            Builders<ModelDocument>.Sort.Ascending(m => m.NameKey).Ascending(m => m.Id), limit, cancellationToken);
        return documents.Select(d => d.ToDomain()).ToList();
    }

    public async Task<Model?> UpdateAsync(Model model, CancellationToken cancellationToken)
    {
        TeamScope.EnsureOwned(teamId, model.TeamId, "model");
        var document = model.ToDocument();
        var update = Builders<ModelDocument>.Update
            .Set(m => m.Name, document.Name).Set(m => m.NameKey, document.NameKey)
            .Set(m => m.DeclaredFields, document.DeclaredFields).Set(m => m.UpdatedAt, document.UpdatedAt);
        try
        {
            var updated = await collections.Models.FindOneAndUpdateAsync(ById(model.Id), update,
                new FindOneAndUpdateOptions<ModelDocument> { ReturnDocument = ReturnDocument.After }, cancellationToken);
            return updated?.ToDomain();
        }
        catch (MongoCommandException e) when (e.Code == 11000)
        {
            throw new DuplicateDocumentException($"A model named '{model.Name}' already exists.", e);
        }
    }

    public async Task<Model?> SettleFieldsAsync(string id, IReadOnlyList<SettledField> proposed, CancellationToken cancellationToken)
    {
        if (proposed.Count > 0)
        {
            // Each update is atomic on the model's document, so the first writer of a path wins and a
            // widening happens once; in order, so paths are added in the order they were proposed.
            var writes = proposed.SelectMany(p => MongoSettledFields.Updates(ById(id), p)).ToList();
            await collections.Models.BulkWriteAsync(writes, new BulkWriteOptions { IsOrdered = true }, cancellationToken: cancellationToken);
        }
        return await GetAsync(id, cancellationToken);
    }

    public async Task<long?> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        // The model goes first, so syncs that look it up stop finding it; then its data.
        var deleted = await collections.Models.DeleteOneAsync(ById(id), cancellationToken);
        if (deleted.DeletedCount == 0)
            return null;
        var records = await collections.Records.DeleteManyAsync(MongoRecordQueries.OfModel(teamId, id), cancellationToken);
        await collections.FieldStats.DeleteManyAsync(MongoFieldStats.OfModel(teamId, id), cancellationToken);
        await collections.FieldStatsPending.DeleteManyAsync(MongoFieldStats.OfModel(teamId, id), cancellationToken);
        await collections.Relationships.DeleteManyAsync(MongoRelationshipStore.OfModel(teamId, id), cancellationToken);
        return records.DeletedCount;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<FieldStatistic>>> GetFieldStatisticsAsync(
        IReadOnlyCollection<string> modelIds, CancellationToken cancellationToken)
    {
        // Models whose last writes failed between records and counts are recounted first.
        await statsRepair.RepairAsync(modelIds, cancellationToken);
        var documents = await collections.FieldStats.Find(MongoFieldStats.Counted(teamId, modelIds))
            .Sort(new BsonDocument { { FieldStatDocument.ModelId, 1 }, { FieldStatDocument.Path, 1 }, { FieldStatDocument.Kind, 1 } })
            .ToListAsync(cancellationToken);
        return documents.GroupBy(d => d[FieldStatDocument.ModelId].AsString, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<FieldStatistic>)g.Select(d => new FieldStatistic(d[FieldStatDocument.Path].AsString,
                Enum.Parse<ValueKind>(d[FieldStatDocument.Kind].AsString), d[FieldStatDocument.Count].ToInt64())).ToList(),
            StringComparer.Ordinal);
    }

    private FilterDefinition<ModelDocument> ById(string id) => Filter.Eq(m => m.TeamId, teamId) & Filter.Eq(m => m.Id, id);
}
