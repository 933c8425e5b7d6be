using Gather.Infrastructure.Models.Operations;
using Gather.Infrastructure.Relationships.Operations;
using Gather.Infrastructure.Security;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Teams;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gather.Tests.Support;

/// <summary>
/// The real Gather host on a fresh SQLite file of its own, so tests share no state. The
/// bootstrap admin key is known; extra settings override appsettings.json. Given a
/// <c>directory</c>, it uses (and leaves) the database there: a restart, or a second instance
/// on the same database.
/// </summary>
public sealed class GatherApiFactory(IReadOnlyDictionary<string, string?>? settings = null, string? directory = null) : WebApplicationFactory<Program>
{
    public const string AdminKey = "gth_test_admin_key_0123456789abcdef";

    /// <summary>
    /// Set to "false" where a test counts Stripe calls made on demand: connecting Stripe adds a
    /// Sync Stripe Customers task, whose runs would add calls of their own.
    /// </summary>
    public const string SchedulerEnabled = "Gather:Tasks:SchedulerEnabled";

    private readonly string _directory = directory ?? Directory.CreateTempSubdirectory("gather-test-").FullName;

    /// <summary>What the bootstrapper printed (a generated key, when none is configured).</summary>
    public StringWriter Console { get; } = new();

    public string DatabasePath => Path.Combine(_directory, "gather.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Gather:Storage:Provider", "Sqlite");
        builder.UseSetting("Gather:Storage:Sqlite:Path", DatabasePath);
        builder.UseSetting("Gather:Bootstrap:ApiKey", AdminKey);
        // The in-process servers' request logs would fill a terminal's test run; warnings still show.
        builder.UseSetting("Logging:Console:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
            services.Replace(ServiceDescriptor.Singleton(new OneTimeSecretConsole(Console))));
    }

    public HttpClient CreateClient(string? apiKey)
    {
        var client = CreateClient();
        if (apiKey is not null)
            client.DefaultRequestHeaders.Add("Authorization", $"Token {apiKey}");
        return client;
    }

    /// <summary>
    /// A second team with an admin key, set up as the bootstrapper sets up the first (standard
    /// models and relationship), for tenant-isolation tests. Starts the host if needed.
    /// </summary>
    public async Task<(string TeamId, string KeyId, string Secret)> CreateOtherTeamAsync(string name = "Other")
    {
        var store = Services.GetRequiredService<IGatherStore>();
        var secret = ApiKeySecret.Generate();
        var team = new Team(DocumentIds.New("team"), name, DateTimeOffset.UtcNow);
        var key = new ApiKey(DocumentIds.New("key"), team.Id, "other admin", ApiKeySecret.Hash(secret), ApiKeySecret.Preview(secret),
            [ApiKeyScope.Admin], team.CreatedAt);
        await store.CreateTeamAsync(team, key, CancellationToken.None);
        await Services.GetRequiredService<ModelService>().EnsureStandardModelsAsync(store.ForTeam(team.Id), CancellationToken.None);
        await Services.GetRequiredService<RelationshipService>().EnsureStandardAsync(store.ForTeam(team.Id), CancellationToken.None);
        return (team.Id, key.Id, secret);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (directory is null)
            {
                try { Directory.Delete(_directory, recursive: true); } catch (IOException) { /* best effort */ }
            }
        }
    }
}
