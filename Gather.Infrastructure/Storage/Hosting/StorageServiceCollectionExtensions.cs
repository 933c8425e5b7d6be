using Gather.Infrastructure.Storage.MongoDb;
using Gather.Infrastructure.Storage.Sqlite;
using Gather.Infrastructure.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.Hosting;

/// <summary>Registers the store adapter chosen by <c>Gather:Storage:Provider</c>, its start-up, its health check and the key ring kept beside it.</summary>
public static class StorageServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddGatherStorage(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        // Read once here: the provider decides which services exist, so it cannot come from IOptions.
        var provider = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>()?.Provider
                       ?? StorageProvider.Sqlite;
        if (provider == StorageProvider.MongoDb)
            AddMongoDb(services);
        else
            AddSqlite(services);
        // The key ring that encrypts integrations' secrets is kept in the store's place.
        DataProtectionKeys.Add(services, provider);

        services.AddHostedService<StoreStartup>();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [HealthTags.Ready]);
        return builder;
    }

    private static void AddSqlite(IServiceCollection services)
    {
        services.AddOptions<SqliteOptions>().BindConfiguration(SqliteOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SqliteConnectionFactory>();
        services.AddSingleton<IGatherStore, SqliteStore>();
        services.AddSingleton<IStoreInitializer, SqliteStoreInitializer>();
        services.AddHostedService<SqliteSearchIndexer>();
    }

    private static void AddMongoDb(IServiceCollection services)
    {
        services.AddOptions<MongoOptions>().BindConfiguration(MongoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IMongoClient>(sp => new MongoClient(MongoClientSettingsFactory.Create(sp.GetRequiredService<IOptions<MongoOptions>>().Value)));
        services.AddSingleton(sp => new MongoCollections(
            sp.GetRequiredService<IMongoClient>().GetDatabase(sp.GetRequiredService<IOptions<MongoOptions>>().Value.Database)));
        services.AddSingleton<IGatherStore, MongoStore>();
        services.AddSingleton<IStoreInitializer, MongoStoreInitializer>();
    }
}

/// <summary>Health check tags: <c>ready</c> checks run on <c>/health/ready</c> only.</summary>
public static class HealthTags
{
    public const string Ready = "ready";
}
