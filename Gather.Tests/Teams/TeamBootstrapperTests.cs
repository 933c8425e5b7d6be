using System.Text.RegularExpressions;
using Gather.Infrastructure.Security;
using Gather.Infrastructure.Teams;
using Gather.Infrastructure.Teams.Operations;
using Gather.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gather.Tests.Teams;

/// <summary>First start: a team and an admin key exist, and a generated key is printed exactly once.</summary>
public sealed partial class TeamBootstrapperTests
{
    [GeneratedRegex(@"gth_[A-Za-z0-9_-]{43}")]
    private static partial Regex GeneratedKey();

    [Fact]
    public async Task An_empty_store_gets_a_team_and_a_printed_admin_key_that_works()
    {
        using var app = new GatherApiFactory(new Dictionary<string, string?> { ["Gather:Bootstrap:ApiKey"] = "" });
        var client = app.CreateClient();

        var printed = GeneratedKey().Matches(app.Console.ToString()).Select(m => m.Value).Distinct().ToList();
        var key = Assert.Single(printed);
        var response = await app.CreateClient(key).PostGraphQLAsync("{ viewer { team { name } scopes } }");

        Assert.Equal("My team", response.Data!["viewer"]!["team"]!["name"]!.GetValue<string>());
        Assert.Equal("ADMIN", response.Data["viewer"]!["scopes"]![0]!.GetValue<string>());
        Assert.NotNull(client);
    }

    [Fact]
    public async Task A_configured_key_is_used_and_not_printed()
    {
        using var app = new GatherApiFactory();

        var response = await app.CreateClient(GatherApiFactory.AdminKey).PostGraphQLAsync("{ viewer { scopes } }");

        Assert.Null(response.Errors);
        Assert.DoesNotContain(GatherApiFactory.AdminKey, app.Console.ToString());
        Assert.Empty(GeneratedKey().Matches(app.Console.ToString()));
    }

    [Fact]
    public async Task A_second_start_creates_no_second_team_and_prints_nothing()
    {
        var settings = new Dictionary<string, string?> { ["Gather:Bootstrap:ApiKey"] = "" };
        using var first = new GatherApiFactory(settings);
        first.CreateClient();
        var store = first.Services.GetRequiredService<IGatherStore>();
        var team = await store.FindFirstTeamAsync(CancellationToken.None);

        // Same database file, new host: the bootstrapper must find the existing team.
        using var second = new GatherApiFactory(new Dictionary<string, string?>
        {
            ["Gather:Bootstrap:ApiKey"] = "", ["Gather:Storage:Sqlite:Path"] = first.DatabasePath,
        });
        second.CreateClient();

        Assert.Empty(GeneratedKey().Matches(second.Console.ToString()));
        var keys = await store.ForTeam(team!.Id).ListApiKeysAsync(10, CancellationToken.None);
        Assert.Single(keys);
        Assert.Equal(team, await second.Services.GetRequiredService<IGatherStore>().FindFirstTeamAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_configured_key_added_later_is_registered_on_the_first_team()
    {
        using var first = new GatherApiFactory(new Dictionary<string, string?> { ["Gather:Bootstrap:ApiKey"] = "" });
        first.CreateClient();
        using var second = new GatherApiFactory(new Dictionary<string, string?>
        {
            ["Gather:Storage:Sqlite:Path"] = first.DatabasePath,
        });

        var response = await second.CreateClient(GatherApiFactory.AdminKey).PostGraphQLAsync("{ apiKeys { name scopes } }");

        Assert.Equal(2, response.Data!["apiKeys"]!.AsArray().Count);
        var stored = await second.Services.GetRequiredService<IGatherStore>()
            .FindApiKeyBySecretHashAsync(ApiKeySecret.Hash(GatherApiFactory.AdminKey), CancellationToken.None);
        Assert.Equal([ApiKeyScope.Admin], stored!.Scopes);
    }

    [Fact]
    public void A_too_short_configured_key_stops_start_up_with_the_reason()
    {
        using var app = new GatherApiFactory(new Dictionary<string, string?> { ["Gather:Bootstrap:ApiKey"] = "short" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("at least 16 characters", error.ToString());
    }

    [Fact]
    public async Task Instances_bootstrapping_one_empty_store_at_once_create_one_team_and_one_printed_key()
    {
        using var app = new GatherApiFactory(new Dictionary<string, string?> { ["Gather:Bootstrap:ApiKey"] = "" });
        app.CreateClient();
        var services = app.Services;
        // A fresh, empty store of its own, bootstrapped by several "instances" at once.
        var directory = Directory.CreateTempSubdirectory("gather-race-").FullName;
        try
        {
            var connections = new Gather.Infrastructure.Storage.Sqlite.SqliteConnectionFactory(
                Microsoft.Extensions.Options.Options.Create(new Gather.Infrastructure.Storage.Sqlite.SqliteOptions { Path = Path.Combine(directory, "race.db") }));
            await new Gather.Infrastructure.Storage.Sqlite.SqliteStoreInitializer(connections,
                Microsoft.Extensions.Logging.Abstractions.NullLogger<Gather.Infrastructure.Storage.Sqlite.SqliteStoreInitializer>.Instance).InitializeAsync(CancellationToken.None);
            var store = new Gather.Infrastructure.Storage.Sqlite.SqliteStore(connections);
            var consoles = Enumerable.Range(0, 4).Select(_ => new StringWriter()).ToList();
            var bootstrappers = consoles.Select(console => ActivatorUtilities.CreateInstance<Gather.Infrastructure.Teams.Operations.TeamBootstrapper>(services,
                store, new Gather.Infrastructure.Teams.OneTimeSecretConsole(console))).ToList();

            await Task.WhenAll(bootstrappers.Select(b => Task.Run(() => b.EnsureBootstrappedAsync(CancellationToken.None))));

            var team = await store.FindFirstTeamAsync(CancellationToken.None);
            Assert.Equal(Gather.Infrastructure.Teams.Operations.TeamBootstrapper.FirstTeamId, team!.Id);
            Assert.Single(await store.ForTeam(team.Id).ListApiKeysAsync(10, CancellationToken.None));
            Assert.Single(consoles.SelectMany(c => GeneratedKey().Matches(c.ToString())).Select(m => m.Value).Distinct());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { /* best effort */ }
        }
    }
}
