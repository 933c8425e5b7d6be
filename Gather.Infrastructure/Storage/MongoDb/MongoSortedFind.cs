using Gather.Infrastructure.Records.Querying;
using MongoDB.Bson;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// An ordered page as a plain <c>find</c>, for orders whose every path holds one kind of scalar
/// besides null and missing (<see cref="MongoPlainOrder"/>). There MongoDB's own order (null and
/// missing first, then numbers, strings, booleans, as BSON compares them) is Gather's, so the sort
/// is on the fields themselves, <c>{"data.amount": -1, key: 1}</c>, which a field index
/// (<see cref="MongoRecordIndexes"/>) with the same fields and directions returns without sorting;
/// and the cursor's keyset condition is plain comparisons on the fields, led by a bound on the
/// first one that the index seeks to. Otherwise pages keep the computed sort keys of
/// <see cref="MongoSortKeys"/>, which no index serves.
/// </summary>
internal static class MongoSortedFind
{
    /// <summary>
    /// What is sent: <c>find</c> with this filter, sort and limit (the driver adds a batch size just
    /// above the limit, so the page comes back in one reply).
    /// </summary>
    public sealed record Command(string Collection, BsonDocument Filter, BsonDocument Sort, int Limit)
    {
        public BsonDocument Render() => new()
        {
            { "find", Collection }, { "filter", Filter }, { "sort", Sort }, { "limit", Limit },
        };
    }

    /// <param name="kinds">Per order key, the one kind its path holds besides null (<see cref="ScalarKind.Null"/>: none).</param>
    public static Command Page(string teamId, string modelId, RecordQuery query, IReadOnlyList<ScalarKind> kinds)
    {
        var reverse = query.Page.Backward;
        var filter = MongoRecordQueries.Matching(teamId, modelId, query.Where, query.SearchTerms);
        if (query.Page.Cursor is { } cursor)
        {
            var clauses = filter.TryGetValue("$and", out var and) ? and.AsBsonArray : [];
            if (query.Order.Count > 0 && Seek(query.Order[0], kinds[0], cursor.Values[0], reverse) is { } seek)
                clauses.Add(seek);
            clauses.Add(After(query.Order, kinds, cursor, reverse));
            filter["$and"] = clauses;
        }
        var sort = new BsonDocument();
        foreach (var key in query.Order)
            sort.Add(Field(key), Ascending(key, reverse) ? 1 : -1);
        sort.Add(RecordDocument.Key, reverse ? -1 : 1);
        return new Command(TeamRecords.NameFor(teamId), filter, sort, query.Page.ReadSize);
    }

    private static string Field(RecordSort key) => MongoRecordQueries.DataPath(key.Path);

    private static bool Ascending(RecordSort key, bool reverse) => (key.Direction == SortDirection.Descending) == reverse;

    /// <summary>
    /// Records strictly after the cursor: beyond it on the first key, or equal there and beyond on
    /// the next, …, or equal on all and beyond on the record key. Comparisons are type-bracketed
    /// (<c>$gt: 5</c> matches numbers only), which is exactly "beyond within the rank" here.
    /// </summary>
    private static BsonDocument After(IReadOnlyList<RecordSort> order, IReadOnlyList<ScalarKind> kinds, RecordCursor cursor, bool reverse)
    {
        var alternatives = new BsonArray();
        var equalSoFar = new List<BsonDocument>();
        for (var i = 0; i < order.Count; i++)
        {
            if (Beyond(order[i], kinds[i], cursor.Values[i], reverse) is { } beyond)
            {
                if (equalSoFar.Count == 0 && beyond.ElementCount == 1 && beyond.Contains("$or"))
                    alternatives.AddRange(beyond["$or"].AsBsonArray);
                else
                    alternatives.Add(AllOf(equalSoFar.Append(beyond)));
            }
            if (Equal(order[i], kinds[i], cursor.Values[i]) is not { } equal)
                return Any(alternatives);
            equalSoFar.Add(equal);
        }
        alternatives.Add(AllOf(equalSoFar.Append(new BsonDocument(RecordDocument.Key, new BsonDocument(reverse ? "$lt" : "$gt", cursor.Key)))));
        return Any(alternatives);
    }

    /// <summary>Records whose value comes after the cursor's on this key; null when none can.</summary>
    private static BsonDocument? Beyond(RecordSort key, ScalarKind kind, Scalar value, bool reverse)
    {
        var ascending = Ascending(key, reverse);
        var (rank, ownRank) = (Rank(value.Kind), Rank(kind));
        var options = new BsonArray();
        if (value.Kind == kind && kind != ScalarKind.Null)
            options.Add(new BsonDocument(Field(key), new BsonDocument(ascending ? "$gt" : "$lt", MongoRecordQueries.Bson(value))));
        else if (kind != ScalarKind.Null && (ascending ? ownRank > rank : ownRank < rank))
            options.Add(new BsonDocument(Field(key), new BsonDocument("$type", TypeOf(kind))));
        if (!ascending && rank > 0)
            options.Add(new BsonDocument(Field(key), BsonNull.Value));
        return options.Count switch
        {
            0 => null,
            1 => options[0].AsBsonDocument,
            _ => new BsonDocument("$or", options),
        };
    }

    /// <summary>Records whose value equals the cursor's on this key; null when none can (a kind the path does not hold).</summary>
    private static BsonDocument? Equal(RecordSort key, ScalarKind kind, Scalar value) =>
        value.Kind == ScalarKind.Null ? new BsonDocument(Field(key), BsonNull.Value)
        : value.Kind == kind ? new BsonDocument(Field(key), new BsonDocument("$eq", MongoRecordQueries.Bson(value)))
        : null;

    /// <summary>
    /// A bound on the first key that the index can seek to (implied by the keyset condition, which
    /// as a disjunction would otherwise leave the scan starting at the model's first record): at or
    /// after the cursor's value, nulls included where they come after it.
    /// </summary>
    private static BsonDocument? Seek(RecordSort key, ScalarKind kind, Scalar value, bool reverse)
    {
        var ascending = Ascending(key, reverse);
        if (value.Kind == ScalarKind.Null)
            return ascending ? null : new BsonDocument(Field(key), BsonNull.Value);
        if (value.Kind != kind)
            return null;
        var bound = MongoRecordQueries.Bson(value);
        return ascending
            ? new BsonDocument(Field(key), new BsonDocument("$gte", bound))
            : new BsonDocument(Field(key), new BsonDocument("$not", new BsonDocument("$gt", bound)));
    }

    private static int Rank(ScalarKind kind) => kind switch
    {
        ScalarKind.Number => 1,
        ScalarKind.String => 2,
        ScalarKind.Boolean => 3,
        _ => 0,
    };

    private static string TypeOf(ScalarKind kind) => kind switch
    {
        ScalarKind.Number => "number",
        ScalarKind.String => "string",
        ScalarKind.Boolean => "bool",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static BsonDocument AllOf(IEnumerable<BsonDocument> conditions)
    {
        var list = conditions.ToList();
        return list.Count == 1 ? list[0] : new BsonDocument("$and", new BsonArray(list));
    }

    /// <summary>A disjunction; none at all matches nothing.</summary>
    private static BsonDocument Any(BsonArray alternatives) => alternatives.Count switch
    {
        0 => new BsonDocument(RecordDocument.Key, new BsonDocument("$exists", false)),
        1 => alternatives[0].AsBsonDocument,
        _ => new BsonDocument("$or", alternatives),
    };
}
