using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>Client settings from options; shared by the host and the tests.</summary>
public static class MongoClientSettingsFactory
{
    public static MongoClientSettings Create(MongoOptions options)
    {
        var settings = MongoClientSettings.FromConnectionString(options.ConnectionString);
        settings.ServerSelectionTimeout = TimeSpan.FromMilliseconds(options.ServerSelectionTimeoutMilliseconds);
        settings.ApplicationName = "gather";
        return settings;
    }
}
