using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// Every filter, sort and update the adapter sends, built in one place so tests can render
/// them to JSON and snapshot exactly what reaches the server. Team-scoped queries take the
/// team id as their first argument and always include it.
/// </summary>
internal static class MongoQueries
{
    private static readonly FilterDefinitionBuilder<ApiKeyDocument> Keys = Builders<ApiKeyDocument>.Filter;
    private static readonly FilterDefinitionBuilder<TeamDocument> Teams = Builders<TeamDocument>.Filter;

    public static FilterDefinition<ApiKeyDocument> ApiKeyBySecretHash(string secretHash) =>
        Keys.Eq(k => k.SecretHash, secretHash);

    /// <summary>Where every filter of a team's small documents starts (<see cref="MongoDocuments{T, TDocument}"/>).</summary>
    public static FilterDefinition<TDocument> OfTeam<TDocument>(string teamId) =>
        Builders<TDocument>.Filter.Eq("teamId", teamId);

    public static FilterDefinition<TDocument> ById<TDocument>(string teamId, string id) =>
        OfTeam<TDocument>(teamId) & Builders<TDocument>.Filter.Eq("_id", id);

    /// <summary>
    /// What the API-key store sends (through <see cref="MongoDocuments{T, TDocument}"/>) when it lists, reads and revokes,
    /// named for the snapshot of the filters beside authentication's.
    /// </summary>
    public static FilterDefinition<ApiKeyDocument> ApiKeysOfTeam(string teamId) => OfTeam<ApiKeyDocument>(teamId);

    public static FilterDefinition<ApiKeyDocument> ApiKeyById(string teamId, string id) => ById<ApiKeyDocument>(teamId, id);

    /// <summary>Only an unrevoked key is stamped, so the first revocation time is kept.</summary>
    public static FilterDefinition<ApiKeyDocument> Unrevoked => Keys.Eq(k => k.RevokedAt, null);

    /// <summary>What revoking a key matches: the team's key of that id, still unrevoked.</summary>
    public static FilterDefinition<ApiKeyDocument> UnrevokedApiKeyById(string teamId, string id) =>
        ApiKeyById(teamId, id) & Unrevoked;

    public static UpdateDefinition<ApiKeyDocument> Revoke(DateTime revokedAt) =>
        Builders<ApiKeyDocument>.Update.Set(k => k.RevokedAt, revokedAt);

    public static SortDefinition<ApiKeyDocument> NewestApiKeysFirst =>
        Builders<ApiKeyDocument>.Sort.Descending(k => k.CreatedAt).Descending(k => k.Id);

    public static FilterDefinition<TeamDocument> TeamById(string teamId) =>
        Teams.Eq(t => t.Id, teamId);

    public static SortDefinition<TeamDocument> OldestTeamFirst =>
        Builders<TeamDocument>.Sort.Ascending(t => t.CreatedAt).Ascending(t => t.Id);
}
