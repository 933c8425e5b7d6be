using Gather.Infrastructure.Security;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Teams;

namespace Gather.Tests.Storage;

/// <summary>
/// What every adapter of the storage port must do, above all confine a team store to its
/// team. Each adapter's subclass supplies a fresh, initialised store per test, or skips.
/// </summary>
public abstract class StoreConformanceTests
{
    /// <summary>A new empty store, initialised; skips the test (visibly) where the database is unavailable.</summary>
    protected abstract Task<(IGatherStore Store, IStoreInitializer Initializer)> CreateStoreAsync();

    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private static (Team Team, ApiKey Key, string Secret) NewTeam(string name, DateTimeOffset createdAt)
    {
        var team = new Team(DocumentIds.New("team"), name, createdAt);
        var (key, secret) = NewKey(team.Id, "first", createdAt, ApiKeyScope.Admin);
        return (team, key, secret);
    }

    private static (ApiKey Key, string Secret) NewKey(string teamId, string name, DateTimeOffset createdAt, params ApiKeyScope[] scopes)
    {
        var secret = ApiKeySecret.Generate();
        return (new ApiKey(DocumentIds.New("key"), teamId, name, ApiKeySecret.Hash(secret), ApiKeySecret.Preview(secret),
            scopes, createdAt), secret);
    }

    [SkippableFact]
    public async Task Initialising_twice_is_harmless()
    {
        var (store, initializer) = await CreateStoreAsync();

        await initializer.InitializeAsync(CancellationToken.None);
        await store.PingAsync(CancellationToken.None);
    }

    [SkippableFact]
    public async Task A_team_and_its_first_key_read_back_as_written()
    {
        var (store, _) = await CreateStoreAsync();
        var (team, key, _) = NewTeam("Acme", T0);

        await store.CreateTeamAsync(team, key, CancellationToken.None);

        Assert.Equal(team, await store.ForTeam(team.Id).GetTeamAsync(CancellationToken.None));
        var found = await store.FindApiKeyBySecretHashAsync(key.SecretHash, CancellationToken.None);
        Assert.Equivalent(key, found, strict: true);
    }

    [SkippableFact]
    public async Task The_first_team_is_the_oldest()
    {
        var (store, _) = await CreateStoreAsync();
        Assert.Null(await store.FindFirstTeamAsync(CancellationToken.None));
        var (later, laterKey, _) = NewTeam("Later", T0.AddHours(1));
        var (earlier, earlierKey, _) = NewTeam("Earlier", T0);

        await store.CreateTeamAsync(later, laterKey, CancellationToken.None);
        await store.CreateTeamAsync(earlier, earlierKey, CancellationToken.None);

        Assert.Equal(earlier, await store.FindFirstTeamAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_team_store_never_sees_or_changes_another_teams_keys()
    {
        var (store, _) = await CreateStoreAsync();
        var (acme, acmeKey, _) = NewTeam("Acme", T0);
        var (globex, globexKey, _) = NewTeam("Globex", T0);
        await store.CreateTeamAsync(acme, acmeKey, CancellationToken.None);
        await store.CreateTeamAsync(globex, globexKey, CancellationToken.None);
        var asGlobex = store.ForTeam(globex.Id);

        Assert.Null(await asGlobex.GetApiKeyAsync(acmeKey.Id, CancellationToken.None));
        Assert.Null(await asGlobex.RevokeApiKeyAsync(acmeKey.Id, T0.AddDays(1), CancellationToken.None));
        Assert.Equal([globexKey.Id], (await asGlobex.ListApiKeysAsync(100, CancellationToken.None)).Select(k => k.Id));
        var acmeStill = await store.ForTeam(acme.Id).GetApiKeyAsync(acmeKey.Id, CancellationToken.None);
        Assert.False(acmeStill!.IsRevoked);
    }

    [SkippableFact]
    public async Task A_team_store_refuses_to_write_a_key_of_another_team()
    {
        var (store, _) = await CreateStoreAsync();
        var (acme, acmeKey, _) = NewTeam("Acme", T0);
        var (globex, globexKey, _) = NewTeam("Globex", T0);
        await store.CreateTeamAsync(acme, acmeKey, CancellationToken.None);
        await store.CreateTeamAsync(globex, globexKey, CancellationToken.None);
        var (foreign, _) = NewKey(acme.Id, "smuggled", T0, ApiKeyScope.Admin);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.ForTeam(globex.Id).InsertApiKeyAsync(foreign, CancellationToken.None));

        Assert.Single(await store.ForTeam(acme.Id).ListApiKeysAsync(100, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Two_keys_can_never_share_a_secret()
    {
        var (store, _) = await CreateStoreAsync();
        var (team, key, _) = NewTeam("Acme", T0);
        await store.CreateTeamAsync(team, key, CancellationToken.None);
        var copy = key with { Id = DocumentIds.New("key") };

        await Assert.ThrowsAsync<DuplicateDocumentException>(() =>
            store.ForTeam(team.Id).InsertApiKeyAsync(copy, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Keys_list_newest_first_within_the_limit()
    {
        var (store, _) = await CreateStoreAsync();
        var (team, first, _) = NewTeam("Acme", T0);
        await store.CreateTeamAsync(team, first, CancellationToken.None);
        var teamStore = store.ForTeam(team.Id);
        var (second, _) = NewKey(team.Id, "second", T0.AddMinutes(1), ApiKeyScope.Read);
        var (third, _) = NewKey(team.Id, "third", T0.AddMinutes(2), ApiKeyScope.Read, ApiKeyScope.Write);
        await teamStore.InsertApiKeyAsync(second, CancellationToken.None);
        await teamStore.InsertApiKeyAsync(third, CancellationToken.None);

        var listed = await teamStore.ListApiKeysAsync(2, CancellationToken.None);

        Assert.Equal(["third", "second"], listed.Select(k => k.Name));
        Assert.Equal([ApiKeyScope.Read, ApiKeyScope.Write], listed[0].Scopes);
    }

    [SkippableFact]
    public async Task Revoking_twice_keeps_the_first_revocation_time()
    {
        var (store, _) = await CreateStoreAsync();
        var (team, key, _) = NewTeam("Acme", T0);
        await store.CreateTeamAsync(team, key, CancellationToken.None);
        var teamStore = store.ForTeam(team.Id);

        var first = await teamStore.RevokeApiKeyAsync(key.Id, T0.AddDays(1), CancellationToken.None);
        var second = await teamStore.RevokeApiKeyAsync(key.Id, T0.AddDays(2), CancellationToken.None);

        Assert.Equal(T0.AddDays(1), first!.RevokedAt);
        Assert.Equal(T0.AddDays(1), second!.RevokedAt);
        Assert.True((await store.FindApiKeyBySecretHashAsync(key.SecretHash, CancellationToken.None))!.IsRevoked);
        Assert.Null(await teamStore.RevokeApiKeyAsync("key_missing", T0, CancellationToken.None));
    }

    [SkippableFact]
    public async Task An_unknown_team_or_hash_finds_nothing()
    {
        var (store, _) = await CreateStoreAsync();

        Assert.Null(await store.ForTeam("team_missing").GetTeamAsync(CancellationToken.None));
        Assert.Null(await store.FindApiKeyBySecretHashAsync(ApiKeySecret.Hash("nobody"), CancellationToken.None));
        Assert.Empty(await store.ForTeam("team_missing").ListApiKeysAsync(10, CancellationToken.None));
    }
}
