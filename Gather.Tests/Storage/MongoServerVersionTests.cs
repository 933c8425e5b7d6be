using Gather.Infrastructure.Storage.MongoDb;
using MongoDB.Bson;

namespace Gather.Tests.Storage;

/// <summary>Start-up refuses a MongoDB older than 7.0 with a message that names the version and the fix.</summary>
public sealed class MongoServerVersionTests
{
    [Theory]
    [InlineData("7.0.14", 7, 0)]
    [InlineData("8.0.3", 8, 0)]
    [InlineData("7.3.0-rc1", 7, 3)]
    public void Servers_from_7_0_pass(string version, int major, int minor) =>
        Assert.Null(MongoServerVersion.Problem(new BsonDocument { { "version", version }, { "versionArray", new BsonArray { major, minor, 0, 0 } } }));

    [Theory]
    [InlineData("6.0.5", 6, 0)]
    [InlineData("5.0.26", 5, 0)]
    public void Older_servers_are_refused_with_the_version_and_the_fix(string version, int major, int minor)
    {
        var problem = MongoServerVersion.Problem(new BsonDocument { { "version", version }, { "versionArray", new BsonArray { major, minor, 0, 0 } } });

        Assert.NotNull(problem);
        Assert.Contains("MongoDB 7.0 or later is required", problem);
        Assert.Contains(version, problem);
        Assert.Contains("Gather:Storage:Provider=Sqlite", problem);
    }

    [Fact]
    public void A_server_that_reports_no_version_is_refused() =>
        Assert.NotNull(MongoServerVersion.Problem(new BsonDocument("ok", 1)));
}
