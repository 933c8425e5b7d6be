using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Security;
using Gather.Infrastructure.Teams;
using MongoDB.Bson;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>The MongoDB adapter of <see cref="IGatherStore"/>, for production and scale-out.</summary>
internal sealed class MongoStore(MongoCollections collections, IOptions<MongoOptions> options, TimeProvider time) : IGatherStore
{
    private readonly MongoSyncBackoff _backoff = new(options.Value, time);

    public ITeamStore ForTeam(string teamId)
    {
        var team = TeamScope.Require(teamId);
        return new MongoTeamStore(collections, team, _backoff,
            new MongoFieldStatsRepair(collections, team, time, TimeSpan.FromSeconds(options.Value.FieldStatsRepairGraceSeconds)));
    }

    public async Task<ApiKey?> FindApiKeyBySecretHashAsync(string secretHash, CancellationToken cancellationToken)
    {
        var document = await collections.ApiKeys.Find(MongoQueries.ApiKeyBySecretHash(secretHash))
            .FirstOrDefaultAsync(cancellationToken);
        return document?.ToDomain();
    }

    public async Task<IReadOnlyList<IntegrationTask>> ListAllIntegrationTasksAsync(CancellationToken cancellationToken) =>
        (await collections.IntegrationTasks.Find(new BsonDocument()).Sort(new BsonDocument { { "teamId", 1 }, { "createdAt", 1 }, { "_id", 1 } })
            .ToListAsync(cancellationToken)).Select(MongoIntegrationTaskStore.Mapping.ToDomain).ToList();

    public async Task<string?> FindIntegrationTeamAsync(string integrationId, CancellationToken cancellationToken) =>
        (await collections.Integrations.Find(new BsonDocument("_id", integrationId)).FirstOrDefaultAsync(cancellationToken))?["teamId"].AsString;

    public async Task<Team?> FindFirstTeamAsync(CancellationToken cancellationToken)
    {
        var document = await collections.Teams.Find(FilterDefinition<TeamDocument>.Empty)
            .Sort(MongoQueries.OldestTeamFirst).Limit(1).FirstOrDefaultAsync(cancellationToken);
        return document?.ToDomain();
    }

    public async Task CreateTeamAsync(Team team, ApiKey firstKey, CancellationToken cancellationToken)
    {
        TeamScope.EnsureOwned(team.Id, firstKey.TeamId, "API key");
        // Standalone servers have no transactions: insert the team, then its key, and take
        // the team back out if the key cannot be written.
        await MongoDuplicates.InsertAsync(collections.Teams, TeamDocument.From(team), () => $"Team '{team.Id}' already exists.", cancellationToken);
        try
        {
            await MongoDuplicates.InsertAsync(collections.ApiKeys, ApiKeyDocument.From(firstKey), () => ApiKeyDocument.Mapping.Duplicate(firstKey),
                cancellationToken);
        }
        catch
        {
            await collections.Teams.DeleteOneAsync(MongoQueries.TeamById(team.Id), CancellationToken.None);
            throw;
        }
        await MongoTeamRecords.EnsureIndexesAsync(collections, team.Id, cancellationToken);
    }

    public Task PingAsync(CancellationToken cancellationToken) =>
        collections.Database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);
}
