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
internal sealed class MongoIntegrationStore(MongoCollections collections, string teamId)
    : MongoDocuments<Integration, BsonDocument>(collections.Integrations, teamId, Mapping), IIntegrationStore
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

    /// <summary>A duplicate key is a second integration of the kind: the only unique index besides <c>_id</c>.</summary>
    private static readonly MongoDocumentKind<Integration, BsonDocument> Mapping = new("integration", i => i.TeamId,
        i => new BsonDocument
        {
            { "_id", i.Id }, { "teamId", i.TeamId }, { "kind", i.Kind.ToString() }, { "secretProtected", i.EncryptedSecretKey },
            { "secretLast4", i.SecretKeyLast4 }, { "createdAt", i.CreatedAt.UtcDateTime },
        },
        d => new Integration(d["_id"].AsString, d["teamId"].AsString, new IntegrationKind(d["kind"].AsString),
            d["secretProtected"].AsString, d["secretLast4"].AsString, new DateTimeOffset(d["createdAt"].ToUniversalTime()))
        {
            WebhookEndpointId = d.GetValue("webhookEndpointId", BsonNull.Value) is { IsString: true } endpoint ? endpoint.AsString : null,
            EncryptedWebhookSecret = d.GetValue("webhookSecretProtected", BsonNull.Value) is { IsString: true } secret ? secret.AsString : null,
        },
        new BsonDocument { { "kind", 1 }, { "_id", 1 } }, i => $"The team already has a {i.Kind} integration.");

    public Task<bool> SetWebhookAsync(string id, string? endpointId, string? encryptedSecret, CancellationToken cancellationToken) =>
        SetAsync(id, new BsonDocument("$set", new BsonDocument
        {
            { "webhookEndpointId", endpointId is null ? BsonNull.Value : endpointId },
            { "webhookSecretProtected", encryptedSecret is null ? BsonNull.Value : encryptedSecret },
        }), cancellationToken);

    /// <summary>The TTL index forgets old ids; <paramref name="forgetBefore"/> is what SQLite needs to do by hand.</summary>
    public Task<bool> RememberEventAsync(string integrationId, string eventId, DateTimeOffset now, DateTimeOffset forgetBefore,
        CancellationToken cancellationToken) =>
        MongoDuplicates.InsertIfNewAsync(collections.WebhookEvents,
            new BsonDocument(Event(integrationId, eventId)) { { "receivedAt", now.UtcDateTime } }, cancellationToken);

    public async Task<bool> HasEventAsync(string integrationId, string eventId, CancellationToken cancellationToken) =>
        await collections.WebhookEvents.Find(Event(integrationId, eventId)).Limit(1).FirstOrDefaultAsync(cancellationToken) is not null;

    private BsonDocument Event(string integrationId, string eventId) => new() { { "_id", $"{integrationId}/{eventId}" }, { "teamId", TeamId } };
}
