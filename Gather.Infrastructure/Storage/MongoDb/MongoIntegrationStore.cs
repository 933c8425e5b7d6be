using Gather.Infrastructure.Integrations;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// One team's integrations in the <c>integrations</c> collection:
/// <c>{_id, teamId, kind, secretProtected, secretLast4, createdAt, webhookEndpointId, webhookSecretProtected}</c>,
/// one per kind per team; webhook event ids seen in <c>webhookEvents</c> (<c>{_id: integrationId/eventId, teamId, receivedAt}</c>,
/// expired by a TTL index).
/// </summary>
internal sealed class MongoIntegrationStore(MongoCollections collections, string teamId) : IIntegrationStore
{
    public const string Collection = "integrations", EventsCollection = "webhookEvents";

    /// <summary>How long webhook event ids are kept for deduplication; Stripe retries deliveries for up to three days.</summary>
    public static readonly TimeSpan EventRetention = TimeSpan.FromDays(7);

    public static IEnumerable<CreateIndexModel<BsonDocument>> EventIndexes =>
    [
        new(new BsonDocument("receivedAt", 1), new CreateIndexOptions { Name = "receivedAt_ttl", ExpireAfter = EventRetention }),
    ];

    public static IEnumerable<CreateIndexModel<BsonDocument>> Indexes =>
    [
        new(new BsonDocument { { "teamId", 1 }, { "kind", 1 } }, new CreateIndexOptions { Name = "teamId_kind_unique", Unique = true }),
    ];

    public Task InsertAsync(Integration integration, CancellationToken cancellationToken)
    {
        TeamScope.EnsureOwned(teamId, integration.TeamId, "integration");
        return MongoWrites.InsertAsync(collections.Integrations, new BsonDocument
        {
            { "_id", integration.Id }, { "teamId", teamId }, { "kind", integration.Kind.ToString() },
            { "secretProtected", integration.EncryptedSecretKey }, { "secretLast4", integration.SecretKeyLast4 },
            { "createdAt", integration.CreatedAt.UtcDateTime },
        }, $"A {integration.Kind} integration of the team", cancellationToken);
    }

    public async Task<IReadOnlyList<Integration>> ListAsync(CancellationToken cancellationToken)
    {
        var documents = await collections.Integrations.Find(new BsonDocument("teamId", teamId))
            .Sort(new BsonDocument { { "kind", 1 }, { "_id", 1 } }).ToListAsync(cancellationToken);
        return documents.Select(d => new Integration(d["_id"].AsString, d["teamId"].AsString, Enum.Parse<IntegrationKind>(d["kind"].AsString),
            d["secretProtected"].AsString, d["secretLast4"].AsString, new DateTimeOffset(d["createdAt"].ToUniversalTime()))
        {
            WebhookEndpointId = d.GetValue("webhookEndpointId", BsonNull.Value) is { IsString: true } endpoint ? endpoint.AsString : null,
            EncryptedWebhookSecret = d.GetValue("webhookSecretProtected", BsonNull.Value) is { IsString: true } secret ? secret.AsString : null,
        }).ToList();
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        (await collections.Integrations.DeleteOneAsync(new BsonDocument { { "_id", id }, { "teamId", teamId } }, cancellationToken)).DeletedCount > 0;

    public async Task<bool> SetWebhookAsync(string id, string? endpointId, string? encryptedSecret, CancellationToken cancellationToken) =>
        (await collections.Integrations.UpdateOneAsync(new BsonDocument { { "_id", id }, { "teamId", teamId } },
            new BsonDocument("$set", new BsonDocument
            {
                { "webhookEndpointId", endpointId is null ? BsonNull.Value : endpointId },
                { "webhookSecretProtected", encryptedSecret is null ? BsonNull.Value : encryptedSecret },
            }), cancellationToken: cancellationToken)).MatchedCount > 0;

    /// <summary>The TTL index forgets old ids; <paramref name="forgetBefore"/> is what SQLite needs to do by hand.</summary>
    public async Task<bool> RememberEventAsync(string integrationId, string eventId, DateTimeOffset now, DateTimeOffset forgetBefore,
        CancellationToken cancellationToken)
    {
        try
        {
            await collections.WebhookEvents.InsertOneAsync(new BsonDocument
            {
                { "_id", $"{integrationId}/{eventId}" }, { "teamId", teamId }, { "receivedAt", now.UtcDateTime },
            }, cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException e) when (e.WriteError.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }

    public async Task<bool> HasEventAsync(string integrationId, string eventId, CancellationToken cancellationToken) =>
        await collections.WebhookEvents.Find(new BsonDocument { { "_id", $"{integrationId}/{eventId}" }, { "teamId", teamId } })
            .Limit(1).FirstOrDefaultAsync(cancellationToken) is not null;
}
