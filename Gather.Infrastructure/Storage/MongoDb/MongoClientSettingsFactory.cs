using MongoDB.Driver;
using MongoDB.Driver.Core.Events;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>Client settings from options; shared by the host and the tests.</summary>
public static class MongoClientSettingsFactory
{
    /// <summary>Commands the driver sends for itself (handshakes, authentication, sessions), not for Gather.</summary>
    private static readonly HashSet<string> DriverCommands = new(StringComparer.OrdinalIgnoreCase)
    {
        "hello", "isMaster", "saslStart", "saslContinue", "authenticate", "endSessions", "killCursors", "buildInfo", "getLastError",
    };

    public static MongoClientSettings Create(MongoOptions options)
    {
        var settings = MongoClientSettings.FromConnectionString(options.ConnectionString);
        settings.ServerSelectionTimeout = TimeSpan.FromMilliseconds(options.ServerSelectionTimeoutMilliseconds);
        settings.ApplicationName = "gather";
        // Every command Gather sends (getMore included) is a round trip of the current request.
        settings.ClusterConfigurator = cluster => cluster.Subscribe<CommandStartedEvent>(e =>
        {
            if (!DriverCommands.Contains(e.CommandName))
                StoreRoundTrips.Record();
        });
        return settings;
    }
}
