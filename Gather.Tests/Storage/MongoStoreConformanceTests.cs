using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Storage.MongoDb;
using Gather.Infrastructure.Teams;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace Gather.Tests.Storage;

/// <summary>The conformance suite on the MongoDB adapter, one new database per test; skipped where no server is reachable.</summary>
public sealed class MongoStoreConformanceTests(MongoServer server) : StoreConformanceTests, IClassFixture<MongoServer>, IDisposable
{
    private readonly List<string> _databases = [];
    private MongoClient? _client;

    protected override async Task<(IGatherStore Store, IStoreInitializer Initializer)> CreateStoreAsync()
    {
        Skip.If(server.ConnectionString is null, server.SkipReason);
        _client ??= new MongoClient(MongoClientSettingsFactory.Create(new MongoOptions { ConnectionString = server.ConnectionString! }));
        var name = $"gather_test_{Guid.NewGuid():N}";
        _databases.Add(name);
        var collections = new MongoCollections(_client.GetDatabase(name));
        var initializer = new MongoStoreInitializer(collections, NullLogger<MongoStoreInitializer>.Instance);
        await initializer.InitializeAsync(CancellationToken.None);
        return (new MongoStore(collections, Options.Create(MongoServer.StoreOptions), TimeProvider.System), initializer);
    }

    public void Dispose()
    {
        foreach (var name in _databases)
            _client?.DropDatabase(name);
        _client?.Dispose();
    }
}
