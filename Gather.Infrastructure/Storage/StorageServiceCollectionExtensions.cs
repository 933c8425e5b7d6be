using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Relationships;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Security;
using Gather.Infrastructure.Storage.MongoDb;
using Gather.Infrastructure.Storage.Sqlite;
using Gather.Infrastructure.Teams;
using Gather.Infrastructure.Views;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage;

/// <summary>Registers the store adapter chosen by <c>Gather:Storage:Provider</c>, its start-up and its health check.</summary>
public static class StorageServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddGatherStorage(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);
        services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApiKeyService>();
        services.AddOptions<ModelOptions>().BindConfiguration(ModelOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<QueryOptions>().BindConfiguration(QueryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ModelService>();
        services.AddOptions<RelationshipOptions>().BindConfiguration(RelationshipOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RelationshipService>();
        services.AddOptions<ViewOptions>().BindConfiguration(ViewOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ViewService>();
        services.AddSingleton<ViewIndexes>();
        services.AddSingleton<Indexes.IndexService>();
        services.AddSingleton<Indexes.IndexBuildBound>();
        services.AddSingleton<RecordNormalizer>();
        services.AddSingleton<RecordService>();
        services.AddSingleton<RecordQueryBuilder>();
        services.TryAddSingleton(TimeProvider.System);

        // Read once here: the provider decides which services exist, so it cannot come from IOptions.
        var provider = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>()?.Provider
                       ?? StorageProvider.Sqlite;
        if (provider == StorageProvider.MongoDb)
            AddMongoDb(services);
        else
            AddSqlite(services);

        // Integrations: secrets encrypted with a key ring kept in the store's place, Stripe behind one gateway.
        DataProtectionKeys.Add(services, provider);
        services.AddSingleton<SecretProtector>();
        services.AddOptions<StripeOptions>().BindConfiguration(StripeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StripeGateway>();
        services.AddSingleton<IntegrationService>();
        services.AddMemoryCache(o => o.SizeLimit = 100_000);
        services.AddSingleton<StripeReader>();
        services.AddOptions<PublicUrlOptions>().BindConfiguration(PublicUrlOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Integration tasks: state in the store, triggers on Quartz (hosted by the API), webhooks in and out.
        services.AddOptions<IntegrationTaskSettings>().BindConfiguration(IntegrationTaskSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IntegrationTaskScheduler>();
        services.AddSingleton<IRecordsSyncedListener>(sp => sp.GetRequiredService<IntegrationTaskScheduler>());
        services.AddSingleton<IntegrationTaskRunner>();
        services.AddSingleton<IntegrationTaskService>();
        services.AddSingleton<IntegrationTaskIndexes>();
        services.AddSingleton<StripeChargesSync>();
        services.AddSingleton<StripeCustomersSync>();
        services.AddSingleton<StripeWebhooks>();
        services.AddSingleton<StripeWebhookVerifier>();
        services.AddSingleton<StripeWebhookReceiver>();

        services.AddSingleton<OneTimeSecretConsole>();
        services.AddSingleton<TeamBootstrapper>();
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
