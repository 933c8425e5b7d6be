using Gather.Infrastructure.Models.Operations;
using Gather.Infrastructure.Relationships.Operations;
using Gather.Infrastructure.Security;
using Gather.Infrastructure.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gather.Infrastructure.Teams.Operations;

/// <summary>
/// Makes sure a fresh instance can be used: on an empty store it creates a team with an admin
/// key, and a configured bootstrap key is always accepted by the instance's first team.
/// </summary>
public sealed class TeamBootstrapper(
    IGatherStore store,
    IOptions<BootstrapOptions> options,
    TimeProvider clock,
    OneTimeSecretConsole console,
    ModelService models,
    RelationshipService relationships,
    ILogger<TeamBootstrapper> logger)
{
    public async Task EnsureBootstrappedAsync(CancellationToken cancellationToken)
    {
        var configuredKey = options.Value.ApiKey is { Length: > 0 } key ? key.Trim() : null;
        if (configuredKey is not null && ApiKeySecret.Validate(configuredKey) is { } problem)
            throw new OptionsValidationException(BootstrapOptions.Section, typeof(BootstrapOptions),
                [$"Gather:Bootstrap:ApiKey is not usable: {problem}."]);

        var team = await store.FindFirstTeamAsync(cancellationToken);
        if (team is null)
        {
            try
            {
                team = await CreateFirstTeamAsync(configuredKey, cancellationToken);
            }
            catch (DuplicateDocumentException)
            {
                // Several instances started on one empty store at once: another one created the
                // first team (its id is fixed, see FirstTeamId), so this one joins it.
                team = await store.FindFirstTeamAsync(cancellationToken)
                       ?? throw new InvalidOperationException("The first team was created by another instance but cannot be read.");
                logger.LogInformation("Another instance created the first team {TeamId}; joining it", team.Id);
                if (configuredKey is not null)
                    await EnsureConfiguredKeyAsync(team, configuredKey, cancellationToken);
            }
        }
        else if (configuredKey is not null)
            await EnsureConfiguredKeyAsync(team, configuredKey, cancellationToken);

        // Also for teams stored before models existed: Account and Customer, and the
        // relationship between them, are always there.
        await models.EnsureStandardModelsAsync(store.ForTeam(team.Id), cancellationToken);
        await relationships.EnsureStandardAsync(store.ForTeam(team.Id), cancellationToken);
    }

    private async Task<Team> CreateFirstTeamAsync(string? configuredKey, CancellationToken cancellationToken)
    {
        var now = StoreTime.Now(clock);
        var team = new Team(FirstTeamId, options.Value.TeamName, now);
        var secret = configuredKey ?? ApiKeySecret.Generate();
        await store.CreateTeamAsync(team, AdminKey(team.Id, secret, now), cancellationToken);
        logger.LogInformation("Created team {TeamId} with an admin API key on first start", team.Id);

        // Written to the console, not the log: log sinks keep what they receive, and a
        // secret must not outlive this one showing.
        if (configuredKey is null)
        {
            await console.ShowAsync($"""

                  Gather created team "{team.Name}" and an admin API key. It is shown only this once:

                      {secret}

                  Send it as:  Authorization: Token {secret}

                """, cancellationToken);
        }
        return team;
    }

    private async Task EnsureConfiguredKeyAsync(Team team, string configuredKey, CancellationToken cancellationToken)
    {
        var existing = await store.FindApiKeyBySecretHashAsync(ApiKeySecret.Hash(configuredKey), cancellationToken);
        if (existing is null)
        {
            await store.ForTeam(team.Id).InsertApiKeyAsync(AdminKey(team.Id, configuredKey, StoreTime.Now(clock)), cancellationToken);
            logger.LogInformation("Registered the configured bootstrap API key for team {TeamId}", team.Id);
        }
        else if (existing.IsRevoked)
        {
            logger.LogWarning("The configured bootstrap API key {ApiKeyId} was revoked and stays revoked", existing.Id);
        }
    }

    /// <summary>
    /// The first team's id is the same on every instance, so that instances racing to bootstrap
    /// one empty store create one team: the store refuses the second insert.
    /// </summary>
    public static readonly string FirstTeamId =
        "team_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("gather/first-team"u8))[..24];

    private static ApiKey AdminKey(string teamId, string secret, DateTimeOffset now) => new(
        DocumentIds.New("key"), teamId, "Bootstrap admin key", ApiKeySecret.Hash(secret),
        ApiKeySecret.Preview(secret), [ApiKeyScope.Admin], now);
}
