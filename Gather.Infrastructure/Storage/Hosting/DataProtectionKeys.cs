using System.Xml.Linq;
using Gather.Infrastructure.Security;
using Gather.Infrastructure.Storage.MongoDb;
using Gather.Infrastructure.Storage.Sqlite;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.Hosting;

/// <summary>
/// Where the Data Protection key ring lives, so encrypted secrets survive a restart: beside
/// the SQLite file (<c>gather-keys/</c>, owner-only, see <see cref="PrivateFiles"/>), or in
/// MongoDB's <c>dataProtectionKeys</c> collection, which every instance sharing the database reads.
/// </summary>
public static class DataProtectionKeys
{
    public const string ApplicationName = "Gather";

    public static void Add(IServiceCollection services, StorageProvider provider)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        if (provider == StorageProvider.MongoDb)
        {
            services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
                o.XmlRepository = new MongoXmlRepository(sp.GetRequiredService<MongoCollections>())));
        }
        else
        {
            services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            {
                var database = sp.GetRequiredService<SqliteConnectionFactory>().DatabasePath;
                var directory = Path.Combine(Path.GetDirectoryName(database) ?? ".", "gather-keys");
                // The ring decrypts every team's Stripe secret: owner-only, like the database.
                PrivateFiles.CreateOrTightenDirectory(directory);
                o.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(directory), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
            }));
        }
    }

    /// <summary>The key ring as documents <c>{_id: friendlyName, xml}</c>.</summary>
    private sealed class MongoXmlRepository(MongoCollections collections) : IXmlRepository
    {
        private IMongoCollection<BsonDocument> Keys => collections.Database.GetCollection<BsonDocument>("dataProtectionKeys");

        public IReadOnlyCollection<XElement> GetAllElements() =>
            Keys.Find(FilterDefinition<BsonDocument>.Empty).ToList().Select(d => XElement.Parse(d["xml"].AsString)).ToList();

        public void StoreElement(XElement element, string friendlyName) =>
            Keys.ReplaceOne(new BsonDocument("_id", friendlyName), new BsonDocument { { "_id", friendlyName }, { "xml", element.ToString(SaveOptions.DisableFormatting) } },
                new ReplaceOptions { IsUpsert = true });
    }
}
