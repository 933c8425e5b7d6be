using System.Globalization;
using System.Text;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;
using MongoDB.Bson;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// Renders record filters, search terms, orders and cursors as the BSON the adapter sends.
/// MongoDB's own comparison rules already are the semantics <see cref="RecordFilter"/>
/// documents (type brackets, null matching missing, array elements); what is written here
/// is the escaping of regexes, paths kept out of arrays (<see cref="MongoPathGuards"/>) and
/// ordered pages on computed sort keys (<see cref="MongoSortKeys"/>) where a plain sorted find
/// (<see cref="MongoSortedFind"/>) would not keep Gather's order.
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

    /// <summary>
    /// Up to <paramref name="limit"/> distinct ids named by records without their attached data,
    /// grouped on the server and limited there (a <c>distinct</c> would return every id at once,
    /// and fails past 16 MB). Ids inside arrays are left out, as on SQLite.
    /// </summary>
    public static BsonDocument[] UnattachedIds(string teamId, string modelId, FieldPath field, string section, int limit) =>
    [
        new("$match", Unattached(teamId, modelId, field, section)),
        new("$group", new BsonDocument("_id", "$" + RecordDocument.Data + "." + field)),
        new("$match", new BsonDocument("_id", new BsonDocument("$type", "string"))),
        new("$limit", limit),
    ];

    public static BsonDocument Matching(string teamId, string modelId, RecordFilter? where, IReadOnlyList<string> searchTerms)
    {
        var clauses = new BsonArray();
        if (where is not null)
            clauses.Add(Filter(where));
        if (SearchCandidates(searchTerms) is { } candidates)
            clauses.Add(candidates);
        foreach (var term in searchTerms)
            clauses.Add(new BsonDocument(RecordDocument.Search, new BsonDocument("$regex", Escape(term))));
        var filter = OfModel(teamId, modelId);
        if (clauses.Count > 0)
            filter.Add("$and", clauses);
        return filter;
    }

    /// <summary>
    /// The records that can hold every term, as the search index serves them: those listing all
    /// the terms' trigrams, and those with no list (written before it existed, or with more text
    /// than <see cref="RecordDocument.MaxSearchGrams"/>), which the exact regex then checks. Null
    /// when no term has three characters: the regexes alone decide, over the model's records.
    /// </summary>
    public static BsonDocument? SearchCandidates(IReadOnlyList<string> searchTerms)
    {
        var grams = searchTerms.SelectMany(SearchGrams.OfTerm).Distinct(StringComparer.Ordinal).ToList();
        return grams.Count == 0
            ? null
            : new BsonDocument("$or", new BsonArray
            {
                new BsonDocument(RecordDocument.SearchGrams, new BsonDocument("$all", new BsonArray(grams))),
                new BsonDocument(RecordDocument.SearchGrams, BsonNull.Value),
            });
    }

    /// <summary>
    /// An ordered page as an aggregation: the filter (served by the indexes), the computed sort
    /// keys (<see cref="MongoSortKeys"/>), the cursor's keyset condition on them, the sort, the limit.
    /// </summary>
    public static BsonDocument[] PagePipeline(string teamId, string modelId, RecordQuery query)
    {
        var stages = new List<BsonDocument> { new("$match", Matching(teamId, modelId, query.Where, query.SearchTerms)) };
        stages.AddRange(MongoSortKeys.Stages(query.Order));
        if (query.Page.Cursor is { } cursor)
            stages.Add(new BsonDocument("$match", MongoSortKeys.After(query.Order, cursor, query.Page.Backward)));
        stages.Add(new BsonDocument("$sort", MongoSortKeys.Sort(query.Order, query.Page.Backward)));
        stages.Add(new BsonDocument("$limit", query.Page.ReadSize));
        if (query.Order.Count > 0)
            stages.Add(MongoSortKeys.Unset(query.Order));
        return stages.ToArray();
    }

    /// <summary>Where a path lives in the document: under <c>linked</c> for attached data (<see cref="AttachedData"/>), else under <c>data</c>.</summary>
    public static string DataPath(FieldPath path) => (AttachedData.IsAttached(path) ? RecordDocument.Linked : RecordDocument.Data) + "." + path;

    public static BsonDocument Filter(RecordFilter filter) => filter switch
    {
        AllOf all => all.Filters.Count == 0 ? new BsonDocument() : new BsonDocument("$and", new BsonArray(all.Filters.Select(Filter))),
        AnyOf any => any.Filters.Count == 0 ? Never : new BsonDocument("$or", new BsonArray(any.Filters.Select(Filter))),
        NotFilter not => new BsonDocument("$nor", new BsonArray { Filter(not.Filter) }),
        FieldFilter field => MongoPathGuards.Guard(field, new BsonDocument(DataPath(field.Path), Operator(field))),
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

    /// <summary>
    /// Escapes every ASCII character that is not a letter or digit, which PCRE then reads
    /// literally. Control characters become <c>\xHH</c>: MongoDB refuses a pattern holding a
    /// NUL byte, and the escape matches the same character.
    /// </summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            if (c < 0x20 || c == 0x7f)
                escaped.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            else if (c < 128 && !char.IsAsciiLetterOrDigit(c))
                escaped.Append('\\').Append(c);
            else
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
}
