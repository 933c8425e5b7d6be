using MongoDB.Bson;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// The oldest MongoDB Gather runs on: 7.0, which added the compound wildcard index that serves
/// record filters. Checked at start-up from <c>buildInfo</c>, so an older server fails with this
/// message instead of an index error deep in the start-up log.
/// </summary>
internal static class MongoServerVersion
{
    public static readonly Version Minimum = new(7, 0);

    /// <summary>Null when the server is new enough; otherwise what to tell the operator.</summary>
    public static string? Problem(BsonDocument buildInfo)
    {
        var version = Parse(buildInfo);
        return version is not null && version >= Minimum
            ? null
            : $"MongoDB {Minimum.Major}.{Minimum.Minor} or later is required; the server at Gather:Storage:MongoDb:ConnectionString reports " +
              $"{(buildInfo.TryGetValue("version", out var text) ? text.ToString() : "no version")}. Gather's records index is a compound wildcard index, " +
              "which older servers cannot build: upgrade the server, or run on the embedded store (Gather:Storage:Provider=Sqlite).";
    }

    private static Version? Parse(BsonDocument buildInfo)
    {
        if (buildInfo.TryGetValue("versionArray", out var array) && array is BsonArray { Count: >= 2 } parts
            && parts[0].IsNumeric && parts[1].IsNumeric)
            return new Version(parts[0].ToInt32(), parts[1].ToInt32());
        return buildInfo.TryGetValue("version", out var text) && text.IsString
               && Version.TryParse(text.AsString.Split('-')[0], out var parsed) ? parsed : null;
    }
}
