using Gather.Infrastructure.Records.Querying;
using MongoDB.Bson;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// Ordered pages sort on computed keys, one (rank, value) pair per order key, so both stores
/// keep one total order that keyset paging can follow: rank 0 for null, missing, objects and
/// arrays (whose value is then null), 1 numbers, 2 strings, 3 booleans; within a rank, by value.
/// A plain <c>sort</c> on the field would place objects between strings and booleans and an
/// array at its smallest or largest element (a different place per direction), which no
/// cursor of scalar values can resume from: pages then skip records or repeat forever.
/// </summary>
internal static class MongoSortKeys
{
    public static string Rank(int i) => $"_sortRank{i}";

    public static string Value(int i) => $"_sortValue{i}";

    /// <summary>Two stages: the ranks, then the values (null where the rank is 0); none for the key order alone.</summary>
    public static IEnumerable<BsonDocument> Stages(IReadOnlyList<RecordSort> order)
    {
        if (order.Count == 0)
            return [];
        var ranks = new BsonDocument();
        var values = new BsonDocument();
        for (var i = 0; i < order.Count; i++)
        {
            var field = "$" + MongoRecordQueries.DataPath(order[i].Path);
            var type = new BsonDocument("$type", field);
            ranks.Add(Rank(i), new BsonDocument("$switch", new BsonDocument
            {
                { "branches", new BsonArray
                    {
                        Branch(new BsonDocument("$in", new BsonArray { type, new BsonArray { "int", "long", "double", "decimal" } }), 1),
                        Branch(new BsonDocument("$eq", new BsonArray { type, "string" }), 2),
                        Branch(new BsonDocument("$eq", new BsonArray { type, "bool" }), 3),
                    }
                },
                { "default", 0 },
            }));
            values.Add(Value(i), new BsonDocument("$cond", new BsonArray
            {
                new BsonDocument("$gt", new BsonArray { "$" + Rank(i), 0 }), field, BsonNull.Value,
            }));
        }
        return [new BsonDocument("$addFields", ranks), new BsonDocument("$addFields", values)];
    }

    private static BsonDocument Branch(BsonDocument condition, int rank) => new() { { "case", condition }, { "then", rank } };

    public static BsonDocument Sort(IReadOnlyList<RecordSort> order, bool reverse)
    {
        var sort = new BsonDocument();
        for (var i = 0; i < order.Count; i++)
        {
            var direction = (order[i].Direction == SortDirection.Descending) ^ reverse ? -1 : 1;
            sort.Add(Rank(i), direction);
            sort.Add(Value(i), direction);
        }
        sort.Add(RecordDocument.Key, reverse ? -1 : 1);
        return sort;
    }

    /// <summary>The keyset condition "after the cursor" on the computed keys, as SQLite spells it.</summary>
    public static BsonDocument After(IReadOnlyList<RecordSort> order, RecordCursor cursor, bool reverse)
    {
        var alternatives = new BsonArray();
        var equalSoFar = new List<BsonDocument>();
        for (var i = 0; i < order.Count; i++)
        {
            var value = cursor.Values[i];
            var rank = RankOf(value);
            var op = (order[i].Direction == SortDirection.Descending) ^ reverse ? "$lt" : "$gt";
            var beyondRank = new BsonDocument(Rank(i), new BsonDocument(op, rank));
            var beyond = rank == 0
                ? beyondRank
                : new BsonDocument("$or", new BsonArray
                {
                    beyondRank,
                    new BsonDocument { { Rank(i), rank }, { Value(i), new BsonDocument(op, MongoRecordQueries.Bson(value)) } },
                });
            alternatives.Add(AllOf(equalSoFar.Append(beyond)));
            equalSoFar.Add(rank == 0
                ? new BsonDocument(Rank(i), 0)
                : new BsonDocument { { Rank(i), rank }, { Value(i), new BsonDocument("$eq", MongoRecordQueries.Bson(value)) } });
        }
        alternatives.Add(AllOf(equalSoFar.Append(new BsonDocument(RecordDocument.Key,
            new BsonDocument(reverse ? "$lt" : "$gt", cursor.Key)))));
        return new BsonDocument("$or", alternatives);
    }

    /// <summary>Drops the computed keys from what is returned.</summary>
    public static BsonDocument Unset(IReadOnlyList<RecordSort> order) =>
        new("$project", new BsonDocument(Enumerable.Range(0, order.Count)
            .SelectMany(i => new[] { new BsonElement(Rank(i), 0), new BsonElement(Value(i), 0) })));

    private static int RankOf(Scalar value) => value.Kind switch
    {
        ScalarKind.Number => 1,
        ScalarKind.String => 2,
        ScalarKind.Boolean => 3,
        _ => 0,
    };

    private static BsonDocument AllOf(IEnumerable<BsonDocument> conditions)
    {
        var list = conditions.ToList();
        return list.Count == 1 ? list[0] : new BsonDocument("$and", new BsonArray(list));
    }
}
