using System.Globalization;
using Gather.Infrastructure.Records.Querying;
using MongoDB.Bson;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// The aggregation pipelines that read related records for many parents at once: match the
/// records reached through the link, number each parent's records in the query's order with
/// <c>$setWindowFields</c>, and keep a page per parent. Link values compare as text, like
/// SQLite's: strings as they are, integers by their decimal spelling.
/// </summary>
internal static class MongoRelatedQueries
{
    public const string Position = "_position";

    public static BsonDocument[] Page(string teamId, string modelId, RecordLink link, RecordQuery query)
    {
        var stages = new List<BsonDocument> { new("$match", WithLink(MongoRecordQueries.Matching(teamId, modelId, query.Where, query.SearchTerms), link)) };
        stages.AddRange(MongoSortKeys.Stages(query.Order));
        if (query.Page.Cursor is { } cursor)
            stages.Add(new BsonDocument("$match", MongoSortKeys.After(query.Order, cursor, reverse: false)));
        stages.Add(new BsonDocument("$setWindowFields", new BsonDocument
        {
            { "partitionBy", LinkExpression(link.Field) },
            { "sortBy", MongoSortKeys.Sort(query.Order, reverse: false) },
            { "output", new BsonDocument(Position, new BsonDocument("$documentNumber", new BsonDocument())) },
        }));
        stages.Add(new BsonDocument("$match", new BsonDocument(Position, new BsonDocument("$lte", query.Page.ReadSize))));
        if (query.Order.Count > 0)
            stages.Add(MongoSortKeys.Unset(query.Order));
        return stages.ToArray();
    }

    public static BsonDocument[] Count(string teamId, string modelId, RecordLink link, RecordFilter? where, IReadOnlyList<string> searchTerms) =>
    [
        new("$match", WithLink(MongoRecordQueries.Matching(teamId, modelId, where, searchTerms), link)),
        new("$group", new BsonDocument { { "_id", LinkExpression(link.Field) }, { "count", new BsonDocument("$sum", 1) } }),
    ];

    private static BsonDocument WithLink(BsonDocument filter, RecordLink link)
    {
        if (link.Field is null)
        {
            filter.Add(RecordDocument.Key, new BsonDocument("$in", new BsonArray(link.Values)));
            return filter;
        }
        // Both spellings of an integer value; arrays are excluded because $in would match their elements.
        var candidates = new BsonArray(link.Values);
        foreach (var value in link.Values)
            if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                && integer.ToString(CultureInfo.InvariantCulture) == value)
                candidates.Add(integer);
        var clauses = filter.TryGetValue("$and", out var and) ? and.AsBsonArray : [];
        clauses.Add(new BsonDocument(MongoRecordQueries.DataPath(link.Field), new BsonDocument("$in", candidates)));
        clauses.Add(new BsonDocument(MongoRecordQueries.DataPath(link.Field), new BsonDocument("$not", new BsonDocument("$type", "array"))));
        // Nor through arrays on the way (items.sku), which SQLite reads as missing.
        foreach (var prefix in MongoPathGuards.Prefixes(link.Field))
            clauses.Add(new BsonDocument(prefix, new BsonDocument("$not", new BsonDocument("$type", "array"))));
        filter["$and"] = clauses;
        return filter;
    }

    /// <summary>The text a record links by, as an aggregation expression (null for values that link to nothing).</summary>
    private static BsonValue LinkExpression(FieldPath? field)
    {
        if (field is null)
            return "$" + RecordDocument.Key;
        var value = "$" + MongoRecordQueries.DataPath(field);
        var type = new BsonDocument("$type", value);
        return new BsonDocument("$switch", new BsonDocument
        {
            { "branches", new BsonArray
                {
                    new BsonDocument { { "case", new BsonDocument("$eq", new BsonArray { type, "string" }) }, { "then", value } },
                    new BsonDocument
                    {
                        { "case", new BsonDocument("$in", new BsonArray { type, new BsonArray { "int", "long" } }) },
                        { "then", new BsonDocument("$toString", value) },
                    },
                }
            },
            { "default", BsonNull.Value },
        });
    }
}
