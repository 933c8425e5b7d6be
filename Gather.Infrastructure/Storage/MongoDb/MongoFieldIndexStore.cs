using Gather.Infrastructure.Indexes;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// A team's field indexes on MongoDB, in <c>fieldIndexes</c>:
/// <c>{_id: name, teamId, modelId, fields, slot, owners: [{kind, id}], createdAt}</c>, each with a
/// partial index of the same name on the team's records collection (<see cref="MongoRecordIndexes"/>), built once
/// registered and dropped once the registration goes. Without transactions, the limit is kept by
/// slots: each index takes a slot number below the limit, unique per team, so two instances cannot
/// both take the last.
/// </summary>
internal sealed partial class MongoFieldIndexStore(MongoCollections collections, string teamId) : IFieldIndexStore
{
    public const string Collection = "fieldIndexes";

    public static IEnumerable<CreateIndexModel<BsonDocument>> Indexes =>
    [
        new(new BsonDocument { { "teamId", 1 }, { "slot", 1 } }, new CreateIndexOptions { Name = "teamId_slot_unique", Unique = true }),
        new(new BsonDocument { { "teamId", 1 }, { "owners.kind", 1 }, { "owners.id", 1 } }, new CreateIndexOptions { Name = "teamId_owners" }),
    ];

    public async Task<FieldIndexResult> HoldAsync(IndexOwner owner, IReadOnlyList<FieldIndexKey> needed, int maxPerTeam, IndexBuildCheck? mayBuild,
        CancellationToken cancellationToken)
    {
        var wanted = needed.Distinct().ToDictionary(k => FieldIndexNames.For(teamId, k), StringComparer.Ordinal);
        var held = (await collections.FieldIndexes.Find(HeldBy(owner)).Project(new BsonDocument("_id", 1)).ToListAsync(cancellationToken))
            .Select(d => d["_id"].AsString).ToHashSet(StringComparer.Ordinal);
        if (held.Count > 0 && held.SetEquals(wanted.Keys))
        {
            // A no-op while the index exists; builds one lost outside Gather again.
            await BuildAsync(wanted, cancellationToken);
            return FieldIndexResult.Done(await CountAsync(cancellationToken), maxPerTeam, changed: false);
        }
        if (mayBuild is not null && await mayBuild(cancellationToken) is { } refused)
            return FieldIndexResult.BuildRefused(refused, maxPerTeam);
        var added = new List<string>();
        foreach (var (name, key) in wanted)
        {
            if (held.Contains(name))
                continue;
            if (!await TryHoldAsync(name, key, owner, maxPerTeam, cancellationToken))
            {
                // Undo this call's part, so that a refused call changes nothing, as on SQLite.
                foreach (var undo in added)
                    await LetGoAsync(undo, owner, cancellationToken);
                return FieldIndexResult.LimitReached(await CountAsync(cancellationToken), maxPerTeam);
            }
            added.Add(name);
        }
        // Registered first, built second: see MongoRecordIndexes.SettleAsync for why that order.
        await BuildAsync(wanted, cancellationToken);
        foreach (var name in held.Where(n => !wanted.ContainsKey(n)))
            await LetGoAsync(name, owner, cancellationToken);
        return FieldIndexResult.Done(await CountAsync(cancellationToken), maxPerTeam);
    }

    public async Task<IReadOnlyList<FieldIndex>> ListAsync(CancellationToken cancellationToken) =>
        (await collections.FieldIndexes.Find(new BsonDocument("teamId", teamId)).Sort(new BsonDocument { { "createdAt", 1 }, { "_id", 1 } })
            .ToListAsync(cancellationToken)).Select(Read).ToList();

    /// <summary>Adds the owner to the index, creating its registration in a free slot when none exists; false at the limit.</summary>
    private async Task<bool> TryHoldAsync(string name, FieldIndexKey key, IndexOwner owner, int maxPerTeam, CancellationToken cancellationToken)
    {
        // Each round either joins the registration, takes a slot, or sees another writer take one; a slot
        // freed meanwhile may make the lowest free slot change, hence the bounded retries.
        for (var attempt = 0; attempt <= maxPerTeam + 3; attempt++)
        {
            var joined = await collections.FieldIndexes.UpdateOneAsync(ById(name),
                new BsonDocument("$addToSet", new BsonDocument("owners", OwnerDocument(owner))), cancellationToken: cancellationToken);
            if (joined.MatchedCount > 0)
                return true;
            var used = (await collections.FieldIndexes.Find(new BsonDocument("teamId", teamId)).Project(new BsonDocument("slot", 1))
                .ToListAsync(cancellationToken)).Select(d => d["slot"].ToInt32()).ToHashSet();
            var slot = Enumerable.Range(0, maxPerTeam).FirstOrDefault(s => !used.Contains(s), -1);
            if (slot < 0)
                return false;
            // Not new: another writer registered this index (join it next round) or took this slot (pick again).
            if (await MongoDuplicates.InsertIfNewAsync(collections.FieldIndexes, new BsonDocument
                {
                    { "_id", name }, { "teamId", teamId }, { "modelId", key.ModelId }, { "fields", new BsonArray(key.FieldNames) },
                    { "slot", slot }, { "owners", new BsonArray { OwnerDocument(owner) } }, { "createdAt", DateTime.UtcNow },
                }, cancellationToken))
                return true;
        }
        throw new InvalidOperationException($"Registering index {name} for {owner} kept conflicting with other writers.");
    }

    /// <summary>
    /// Removes the owner; deletes the registration if nobody holds it any more (one conditional delete,
    /// so a late joiner keeps it), and then the index, unless someone registered it anew meanwhile.
    /// </summary>
    private async Task LetGoAsync(string name, IndexOwner owner, CancellationToken cancellationToken)
    {
        var released = await collections.FieldIndexes.FindOneAndUpdateAsync(ById(name),
            new BsonDocument("$pull", new BsonDocument("owners", OwnerDocument(owner))),
            new FindOneAndUpdateOptions<BsonDocument> { ReturnDocument = ReturnDocument.After }, cancellationToken);
        var deleted = await collections.FieldIndexes.DeleteOneAsync(new BsonDocument(ById(name)) { { "owners", new BsonDocument("$size", 0) } },
            cancellationToken);
        if (deleted.DeletedCount > 0 && released is not null)
            await MongoRecordIndexes.SettleAsync(collections, teamId, name,
                KeyOf(released), cancellationToken);
    }

    /// <summary>Builds the indexes of these registrations (each a no-op when it exists).</summary>
    private async Task BuildAsync(IReadOnlyDictionary<string, FieldIndexKey> registered, CancellationToken cancellationToken)
    {
        foreach (var (name, key) in registered)
            await MongoRecordIndexes.CreateAsync(collections.Database, teamId, name, key, cancellationToken);
    }

    private async Task<int> CountAsync(CancellationToken cancellationToken) =>
        (int)await collections.FieldIndexes.CountDocumentsAsync(new BsonDocument("teamId", teamId), cancellationToken: cancellationToken);

    private BsonDocument ById(string name) => new() { { "_id", name }, { "teamId", teamId } };

    private BsonDocument HeldBy(IndexOwner owner) => new()
    {
        { "teamId", teamId },
        { "owners", new BsonDocument("$elemMatch", new BsonDocument { { "kind", owner.Kind }, { "id", owner.Id } }) },
    };

    private static BsonDocument OwnerDocument(IndexOwner owner) => new() { { "kind", owner.Kind }, { "id", owner.Id } };

    /// <summary>A registry entry's key.</summary>
    internal static FieldIndexKey KeyOf(BsonDocument document) =>
        FieldIndexKey.FromRegistry(document["modelId"].AsString, document["fields"].AsBsonArray.Select(f => f.AsString));

    private static FieldIndex Read(BsonDocument document) => new(
        document["_id"].AsString,
        KeyOf(document),
        document["owners"].AsBsonArray.Select(o => new IndexOwner(o["kind"].AsString, o["id"].AsString))
            .OrderBy(o => o.Kind, StringComparer.Ordinal).ThenBy(o => o.Id, StringComparer.Ordinal).ToList(),
        new DateTimeOffset(document["createdAt"].ToUniversalTime(), TimeSpan.Zero));
}
