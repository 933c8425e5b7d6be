using Microsoft.Extensions.Logging;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// Checks the server's version, then creates the collections and the indexes declared beside each document. Index creation is
/// idempotent, so every instance may run this at start-up.
/// </summary>
internal sealed class MongoStoreInitializer(MongoCollections collections, ILogger<MongoStoreInitializer> logger)
    : IStoreInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var buildInfo = await collections.Database.RunCommandAsync<BsonDocument>(new BsonDocument("buildInfo", 1), cancellationToken: cancellationToken);
        if (MongoServerVersion.Problem(buildInfo) is { } problem)
            throw new InvalidOperationException(problem);
        var existing = await (await collections.Database.ListCollectionNamesAsync(cancellationToken: cancellationToken))
            .ToListAsync(cancellationToken);
        foreach (var name in MongoCollections.Names.Except(existing))
        {
            try
            {
                await collections.Database.CreateCollectionAsync(name, cancellationToken: cancellationToken);
            }
            catch (MongoCommandException e) when (e.CodeName == "NamespaceExists")
            {
                // Another instance created it between our listing and our create.
            }
        }

        await collections.Teams.Indexes.CreateManyAsync(TeamDocument.Indexes, cancellationToken);
        await collections.ApiKeys.Indexes.CreateManyAsync(ApiKeyDocument.Indexes, cancellationToken);
        await collections.Models.Indexes.CreateManyAsync(ModelDocument.Indexes, cancellationToken);
        await collections.FieldStats.Indexes.CreateManyAsync(FieldStatDocument.Indexes, cancellationToken);
        await collections.FieldStatsPending.Indexes.CreateManyAsync(MongoFieldStatsRepair.Indexes, cancellationToken);
        await collections.Relationships.Indexes.CreateManyAsync(MongoRelationshipStore.Indexes, cancellationToken);
        await collections.Views.Indexes.CreateManyAsync(MongoViewStore.Indexes, cancellationToken);
        await collections.Integrations.Indexes.CreateManyAsync(MongoIntegrationStore.Indexes, cancellationToken);
        await collections.IntegrationTasks.Indexes.CreateManyAsync(MongoIntegrationTaskStore.Indexes, cancellationToken);
        await collections.WebhookEvents.Indexes.CreateManyAsync(MongoIntegrationStore.EventIndexes, cancellationToken);
        await ShortenKeyPreviewsAsync(cancellationToken);
        await collections.FieldIndexes.Indexes.CreateManyAsync(MongoFieldIndexStore.Indexes, cancellationToken);
        await MongoTeamRecords.EnsureAllAsync(collections, cancellationToken);
        await MongoRecordCollectionMigration.RunAsync(collections, logger, cancellationToken);
        logger.LogInformation("MongoDB store {Database} initialised", collections.Database.DatabaseNamespace.DatabaseName);
    }

    /// <summary>
    /// Key previews stored when they held eight more characters are cut to today's last four
    /// (<see cref="Security.ApiKeySecret.Preview"/>), at rest too: a copy of the database must not
    /// hold 12 characters of a 16-character configured key beside its hash.
    /// </summary>
    private Task ShortenKeyPreviewsAsync(CancellationToken cancellationToken)
    {
        var length = new BsonDocument("$strLenCP", "$preview");
        var tail = new BsonDocument("$substrCP", new BsonArray { "$preview", new BsonDocument("$subtract", new BsonArray { length, 4 }), 4 });
        return collections.ApiKeys.UpdateManyAsync(
            new BsonDocument("$expr", new BsonDocument("$gt", new BsonArray { length, 5 })),
            PipelineDefinition<ApiKeyDocument, ApiKeyDocument>.Create(
                new BsonDocument("$set", new BsonDocument("preview", new BsonDocument("$concat", new BsonArray { "…", tail })))),
            cancellationToken: cancellationToken);
    }
}
