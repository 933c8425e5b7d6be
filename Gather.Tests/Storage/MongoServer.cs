using Gather.Infrastructure.Storage.MongoDb;
using Microsoft.Extensions.Logging.Abstractions;
using MongoDB.Driver;
using Testcontainers.MongoDb;

namespace Gather.Tests.Storage;

/// <summary>
/// A MongoDB server for the conformance suite: <c>GATHER_TEST_MONGODB</c> when set, else a
/// Testcontainers one when a Docker engine answers, else none and the MongoDB tests skip
/// with the reason.
/// </summary>
public sealed class MongoServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "GATHER_TEST_MONGODB";

    private MongoDbContainer? _container;

    /// <summary>
    /// The adapter's options in tests: defaults, but a retry budget far above any machine's
    /// slowness, so the contention cases check convergence rather than the clock (the budget's
    /// own rule is unit-tested with a manual clock).
    /// </summary>
    public static MongoOptions StoreOptions { get; } = new() { SyncRetryBudgetMilliseconds = 300_000 };

    public string? ConnectionString { get; private set; }

    public string SkipReason { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured ? configured : null;
        if (ConnectionString is not null)
            return;
        try
        {
            _container = new MongoDbBuilder("mongo:8.0").Build();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await _container.StartAsync(timeout.Token);
            ConnectionString = _container.GetConnectionString();
        }
        catch (Exception e)
        {
            SkipReason = $"No MongoDB: {EnvironmentVariable} is unset and no Docker engine answered ({e.GetType().Name}: {e.Message.Split('\n')[0]}).";
            _container = null;
        }
    }

    /// <summary>
    /// Runs <paramref name="test"/> on a database of its own, initialised as a server starting on it
    /// would (the initializer is passed along, for a test of what a later start does), then drops it.
    /// </summary>
    internal async Task WithDatabaseAsync(Func<MongoCollections, MongoStoreInitializer, Task> test)
    {
        Skip.If(ConnectionString is null, SkipReason);
        using var client = new MongoClient(MongoClientSettingsFactory.Create(new MongoOptions { ConnectionString = ConnectionString! }));
        var name = $"gather_test_{Guid.NewGuid():N}";
        try
        {
            var collections = new MongoCollections(client.GetDatabase(name));
            var initializer = new MongoStoreInitializer(collections, NullLogger<MongoStoreInitializer>.Instance);
            await initializer.InitializeAsync(CancellationToken.None);
            await test(collections, initializer);
        }
        finally
        {
            await client.DropDatabaseAsync(name);
        }
    }

    public async Task DisposeAsync()
    {
        if (_container is not null)
            await _container.DisposeAsync();
    }
}
