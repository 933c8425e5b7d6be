using Gather.Infrastructure.Indexes;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Storage.MongoDb;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using Snapshooter.Xunit;

namespace Gather.Tests.Records;

/// <summary>
/// What MongoDB is sent for field indexes and for pages they serve, rendered without a server: the
/// <c>createIndexes</c> and <c>dropIndexes</c> commands of held indexes, and the plain <c>find</c> of
/// the representative page shapes (equality, range, equality + range + sort, sort only, a page
/// after a cursor in each direction and from each type rank).
/// </summary>
public sealed class MongoIndexedPageSnapshotTests
{
    private static readonly FieldPath Status = new(["status"]), Amount = new(["amount"]);

    private static string Json(BsonDocument document) =>
        document.ToJson(new JsonWriterSettings { OutputMode = JsonOutputMode.RelaxedExtendedJson });

    private static string Find(string? where, string? order, PageInput page, params ScalarKind[] kinds)
    {
        var query = SeededRecordStore.QueryBuilder.Build(QueryJson.Filter(where), QueryJson.Order(order), null, page);
        Assert.True(query.Succeeded);
        return Json(MongoSortedFind.Page("team_1", "model_1", query.Value!, kinds).Render());
    }

    private static string After(RecordCursor cursor, string order, ScalarKind kind, bool backward = false)
    {
        var sorts = QueryJson.Order(order)!.Select(s => new RecordSort(new FieldPath(s.Field!.Split('.')), s.Direction)).ToList();
        var page = backward ? new PageInput(Last: 50, Before: cursor.Encode(sorts)) : new PageInput(First: 50, After: cursor.Encode(sorts));
        return Find(null, order, page, kind);
    }

    [Fact]
    public void Held_indexes_render_as_createIndexes_and_dropIndexes_commands()
    {
        var rendered = new
        {
            equalityOrRange = Json(MongoRecordIndexes.CreateCommand("team_1", "ix_records_held_a", new FieldIndexKey("model_1", Status))),
            equalityThenSortDescending = Json(MongoRecordIndexes.CreateCommand("team_1", "ix_records_held_b",
                new FieldIndexKey("model_1", [new IndexedField(Status), new IndexedField(Amount, SortDirection.Descending)]))),
            attachedData = Json(MongoRecordIndexes.CreateCommand("team_1", "ix_records_held_c",
                new FieldIndexKey("model_1", [new IndexedField(new FieldPath(["stripeCharge", "amount"]), SortDirection.Descending)]))),
            drop = Json(MongoRecordIndexes.DropCommand("team_1", "ix_records_held_b")),
        };

        Snapshot.Match(rendered);
    }

    [Fact]
    public void Index_names_are_the_registrys_one_per_team_model_and_fields()
    {
        var key = new FieldIndexKey("model_1", [new IndexedField(Status), new IndexedField(Amount, SortDirection.Descending)]);
        var name = FieldIndexNames.For("team_1", key);

        Assert.Equal(name, FieldIndexNames.For("team_1", key with { Fields = [.. key.Fields] }));
        Assert.NotEqual(name, FieldIndexNames.For("team_2", key));
        Assert.NotEqual(name, FieldIndexNames.For("team_1", key with { Fields = [new IndexedField(Status), new IndexedField(Amount)] }));
        Assert.Matches("^ix_records_held_[0-9a-f]{32}$", name);
    }

    [Fact]
    public void Pages_an_index_serves_render_as_plain_finds()
    {
        const string byAmountDesc = """[{"field":"amount","direction":"DESC"}]""";
        var rendered = new
        {
            equality = Find("""{"field":"status","eq":"paid"}""", null, new PageInput(First: 50)),
            range = Find("""{"field":"amount","gt":5000,"lte":9000}""", null, new PageInput(First: 50)),
            equalityRangeAndSort = Find("""{"field":"status","eq":"paid","and":[{"field":"amount","gt":5000}]}""", byAmountDesc,
                new PageInput(First: 50), ScalarKind.Number),
            sortOnly = Find(null, byAmountDesc, new PageInput(First: 50), ScalarKind.Number),
            lastPage = Find(null, byAmountDesc, new PageInput(Last: 50), ScalarKind.Number),
            afterNumber = After(new RecordCursor([Scalar.Of(300L)], "o17"), byAmountDesc, ScalarKind.Number),
            beforeNumber = After(new RecordCursor([Scalar.Of(300L)], "o17"), byAmountDesc, ScalarKind.Number, backward: true),
            afterNull = After(new RecordCursor([Scalar.Null], "o17"), byAmountDesc, ScalarKind.Number),
            afterNullAscending = After(new RecordCursor([Scalar.Null], "o17"), """[{"field":"amount"}]""", ScalarKind.Number),
            afterStringAscending = After(new RecordCursor([Scalar.Of("paid")], "o17"), """[{"field":"status"}]""", ScalarKind.String),
            afterStaleKindOfCursor = After(new RecordCursor([Scalar.Of("75")], "o17"), byAmountDesc, ScalarKind.Number),
            afterTwoKeys = Find(null, """[{"field":"status"},{"field":"amount","direction":"DESC"}]""",
                new PageInput(First: 50, After: new RecordCursor([Scalar.Of("paid"), Scalar.Of(300L)], "o17").Encode(
                    [new RecordSort(Status, SortDirection.Ascending), new RecordSort(Amount, SortDirection.Descending)])),
                ScalarKind.String, ScalarKind.Number),
            afterKeyAlone = Find(null, null, new PageInput(First: 50, After: new RecordCursor([], "o17").Encode([]))),
        };

        Snapshot.Match(rendered);
    }
}
