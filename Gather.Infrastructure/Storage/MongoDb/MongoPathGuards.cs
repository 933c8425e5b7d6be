using Gather.Infrastructure.Records.Querying;
using MongoDB.Bson;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// Keeps paths from descending into arrays, as on SQLite: MongoDB reads <c>items.sku</c>
/// through an array of objects and <c>tags.0</c> as an array index, where the documented rule
/// (and SQLite's <c>json_extract</c>) sees a missing value. A condition on a dotted path
/// therefore holds only where no shorter prefix of it is an array; where one is, the field
/// counts as missing and the condition holds exactly when it holds for a missing field.
/// </summary>
internal static class MongoPathGuards
{
    public static BsonDocument Guard(FieldFilter filter, BsonDocument condition)
    {
        var prefixes = Prefixes(filter.Path);
        if (prefixes.Count == 0)
            return condition;
        var guarded = new BsonArray(prefixes.Select(p => new BsonDocument(p, new BsonDocument("$not", new BsonDocument("$type", "array")))))
        {
            condition,
        };
        if (!MatchesMissing(filter))
            return new BsonDocument("$and", guarded);
        var throughArray = new BsonArray(prefixes.Select(p => new BsonDocument(p, new BsonDocument("$type", "array"))));
        return new BsonDocument("$or", new BsonArray { new BsonDocument("$and", guarded), new BsonDocument("$or", throughArray) });
    }

    /// <summary>Every proper prefix of the path, as document paths (<c>data.items</c> for <c>items.sku</c>).</summary>
    public static IReadOnlyList<string> Prefixes(FieldPath path) =>
        Enumerable.Range(1, path.Segments.Count - 1)
            .Select(n => MongoRecordQueries.DataPath(new FieldPath(path.Segments.Take(n).ToArray())))
            .ToList();

    /// <summary>Whether the operator holds for a missing field (the README's rules: null matches missing; negations match it).</summary>
    public static bool MatchesMissing(FieldFilter filter) => filter.Operator switch
    {
        FilterOperator.Eq => filter.Value.Kind == ScalarKind.Null,
        FilterOperator.Neq => filter.Value.Kind != ScalarKind.Null,
        FilterOperator.In => filter.Values.Any(v => v.Kind == ScalarKind.Null),
        FilterOperator.Nin => filter.Values.All(v => v.Kind != ScalarKind.Null),
        FilterOperator.NContains => true,
        FilterOperator.Exists => !(bool)filter.Value.Value!,
        _ => false,
    };
}
