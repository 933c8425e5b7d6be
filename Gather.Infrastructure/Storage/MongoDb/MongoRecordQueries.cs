using System.Text;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;
using MongoDB.Bson;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// Renders record filters, search terms, orders and cursors as the BSON the adapter sends.
/// MongoDB's own comparison rules already are the semantics <see cref="RecordFilter"/>
/// documents (type brackets, null matching missing, array elements); what is written here
/// is the cursor's keyset condition across type ranks and the escaping of regexes.
/// Every filter starts with the team and the model.
/// </summary>
internal static class MongoRecordQueries
{
    public static BsonDocument OfModel(string teamId, string modelId) =>
        new() { { RecordDocument.TeamId, teamId }, { RecordDocument.ModelId, modelId } };

    public static BsonDocument ByKeys(string teamId, string modelId, IEnumerable<string> keys) =>
        new(OfModel(teamId, modelId)) { { RecordDocument.Key, new BsonDocument("$in", new BsonArray(keys)) } };

    public static BsonDocument ByKey(string teamId, string modelId, string key) =>
        new(OfModel(teamId, modelId)) { { RecordDocument.Key, key } };

    /// <summary>The optimistic-concurrency target of an update: the version the write was planned against.</summary>
    public static BsonDocument ByKeyAndVersion(string teamId, string modelId, string key, long version) =>
        new(ByKey(teamId, modelId, key)) { { RecordDocument.Version, version } };

    /// <summary>The model's records whose <paramref name="field"/> holds one of <paramref name="ids"/> (attaching data to them).</summary>
    public static BsonDocument Naming(string teamId, string modelId, FieldPath field, IEnumerable<string> ids) =>
        new(OfModel(teamId, modelId)) { { RecordDocument.Data + "." + field, new BsonDocument("$in", new BsonArray(ids)) } };

    /// <summary>The model's records whose text <paramref name="field"/> is not the id of what <paramref name="section"/> holds.</summary>
    public static BsonDocument Unattached(string teamId, string modelId, FieldPath field, string section) =>
        new(OfModel(teamId, modelId))
        {
            { RecordDocument.Data + "." + field, new BsonDocument("$type", "string") },
            { "$expr", new BsonDocument("$ne", new BsonArray { "$" + RecordDocument.Linked + "." + section + ".id", "$" + RecordDocument.Data + "." + field }) },
        };

    public static BsonDocument Matching(string teamId, string modelId, RecordFilter? where, IReadOnlyList<string> searchTerms)
    {
        var clauses = new BsonArray();
        if (where is not null)
            clauses.Add(Filter(where));
        foreach (var term in searchTerms)
            clauses.Add(new BsonDocument(RecordDocument.Search, new BsonDocument("$regex", Escape(term))));
        var filter = OfModel(teamId, modelId);
        if (clauses.Count > 0)
            filter.Add("$and", clauses);
        return filter;
    }

    public static BsonDocument Page(string teamId, string modelId, RecordQuery query)
    {
        var filter = Matching(teamId, modelId, query.Where, query.SearchTerms);
        if (query.Page.Cursor is { } cursor)
        {
            var after = After(query.Order, cursor, query.Page.Backward);
            if (filter.TryGetValue("$and", out var and))
                and.AsBsonArray.Add(after);
            else
                filter.Add("$and", new BsonArray { after });
        }
        return filter;
    }

    public static BsonDocument Sort(IReadOnlyList<RecordSort> order, bool reverse)
    {
        var sort = new BsonDocument();
        foreach (var key in order)
            sort.Add(DataPath(key.Path), (key.Direction == SortDirection.Descending) ^ reverse ? -1 : 1);
        sort.Add(RecordDocument.Key, reverse ? -1 : 1);
        return sort;
    }

    /// <summary>Where a path lives in the document: under <c>linked</c> for attached data (<see cref="AttachedData"/>), else under <c>data</c>.</summary>
    public static string DataPath(FieldPath path) => (AttachedData.IsAttached(path) ? RecordDocument.Linked : RecordDocument.Data) + "." + path;

    public static BsonDocument Filter(RecordFilter filter) => filter switch
    {
        AllOf all => all.Filters.Count == 0 ? new BsonDocument() : new BsonDocument("$and", new BsonArray(all.Filters.Select(Filter))),
        AnyOf any => any.Filters.Count == 0 ? Never : new BsonDocument("$or", new BsonArray(any.Filters.Select(Filter))),
        NotFilter not => new BsonDocument("$nor", new BsonArray { Filter(not.Filter) }),
        FieldFilter field => new BsonDocument(DataPath(field.Path), Operator(field)),
        _ => throw new NotSupportedException(filter.GetType().Name),
    };

    /// <summary>A condition no record meets (an empty <c>or</c>).</summary>
    private static BsonDocument Never => new(RecordDocument.Key, new BsonDocument("$exists", false));

    private static BsonDocument Operator(FieldFilter filter) => filter.Operator switch
    {
        FilterOperator.Eq => new("$eq", Bson(filter.Value)),
        FilterOperator.Neq => new("$ne", Bson(filter.Value)),
        FilterOperator.In => new("$in", new BsonArray(filter.Values.Select(Bson))),
        FilterOperator.Nin => new("$nin", new BsonArray(filter.Values.Select(Bson))),
        FilterOperator.Gt => new("$gt", Bson(filter.Value)),
        FilterOperator.Gte => new("$gte", Bson(filter.Value)),
        FilterOperator.Lt => new("$lt", Bson(filter.Value)),
        FilterOperator.Lte => new("$lte", Bson(filter.Value)),
        FilterOperator.Contains => Regex(Escape(Fold(filter))),
        FilterOperator.NContains => new("$not", Regex(Escape(Fold(filter)))),
        FilterOperator.StartsWith => Regex("^" + Escape(Fold(filter))),
        FilterOperator.EndsWith => Regex(Escape(Fold(filter)) + "\\z"),
        FilterOperator.Exists => new("$exists", (bool)filter.Value.Value!),
        _ => throw new NotSupportedException(filter.Operator.ToString()),
    };

    private static string Fold(FieldFilter filter) => SearchText.Fold((string)filter.Value.Value!);

    private static BsonDocument Regex(string pattern) => new() { { "$regex", pattern }, { "$options", "i" } };

    /// <summary>Escapes every ASCII character that is not a letter or digit, which PCRE then reads literally.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            if (c < 128 && !char.IsAsciiLetterOrDigit(c))
                escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    public static BsonValue Bson(Scalar value) => value.Value switch
    {
        null => BsonNull.Value,
        bool b => (BsonBoolean)b,
        long l => new BsonInt64(l),
        double d => new BsonDouble(d),
        string s => new BsonString(s),
        _ => throw new NotSupportedException(value.Value.GetType().Name),
    };

    // Keyset paging. MongoDB's $gt/$lt compare within one type only, so "after" is spelled
    // out per type rank: null and missing, numbers, strings, booleans (see RecordSort).

    private static readonly string[] RankTypes = ["null", "number", "string", "bool"];

    private static int RankOf(Scalar value) => value.Kind switch
    {
        ScalarKind.Number => 1,
        ScalarKind.String => 2,
        ScalarKind.Boolean => 3,
        _ => 0,
    };

    public static BsonDocument After(IReadOnlyList<RecordSort> order, RecordCursor cursor, bool reverse)
    {
        var alternatives = new BsonArray();
        var equalSoFar = new List<BsonDocument>();
        for (var i = 0; i < order.Count; i++)
        {
            var path = DataPath(order[i].Path);
            var value = cursor.Values[i];
            var descending = (order[i].Direction == SortDirection.Descending) ^ reverse;
            var beyond = Beyond(path, value, descending);
            if (beyond is not null)
                alternatives.Add(AllOf(equalSoFar.Append(beyond)));
            equalSoFar.Add(value.Kind == ScalarKind.Null
                ? new BsonDocument(path, BsonNull.Value)
                : new BsonDocument(path, new BsonDocument("$eq", Bson(value))));
        }
        alternatives.Add(AllOf(equalSoFar.Append(new BsonDocument(RecordDocument.Key,
            new BsonDocument(reverse ? "$lt" : "$gt", cursor.Key)))));
        return new BsonDocument("$or", alternatives);
    }

    /// <summary>Values strictly beyond <paramref name="value"/> in the sort direction, or null when there are none.</summary>
    private static BsonDocument? Beyond(string path, Scalar value, bool descending)
    {
        var rank = RankOf(value);
        var otherRanks = descending ? Enumerable.Range(0, rank) : Enumerable.Range(rank + 1, RankTypes.Length - rank - 1);
        var conditions = new List<BsonDocument>();
        if (rank > 0)
            conditions.Add(new BsonDocument(path, new BsonDocument(descending ? "$lt" : "$gt", Bson(value))));
        foreach (var other in otherRanks)
            conditions.Add(other == 0
                ? new BsonDocument(path, BsonNull.Value)
                : new BsonDocument(path, new BsonDocument("$type", RankTypes[other])));
        return conditions.Count switch
        {
            0 => null,
            1 => conditions[0],
            _ => new BsonDocument("$or", new BsonArray(conditions)),
        };
    }

    private static BsonDocument AllOf(IEnumerable<BsonDocument> conditions)
    {
        var list = conditions.ToList();
        return list.Count == 1 ? list[0] : new BsonDocument("$and", new BsonArray(list));
    }
}
