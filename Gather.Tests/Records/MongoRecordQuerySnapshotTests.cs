using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Storage.MongoDb;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using Snapshooter.Xunit;

namespace Gather.Tests.Records;

/// <summary>
/// The page pipeline (filter, computed sort keys, cursor condition, sort, limit) the MongoDB adapter renders for every conformance case, and for a
/// page after a cursor in each direction, snapshotted without a server.
/// </summary>
public sealed class MongoRecordQuerySnapshotTests
{
    private static string Json(BsonDocument document) =>
        document.ToJson(new JsonWriterSettings { OutputMode = JsonOutputMode.RelaxedExtendedJson });

    private static RecordQuery Build(RecordQueryCases.Case c, PageInput page)
    {
        var query = SeededRecordStore.QueryBuilder.Build(QueryJson.Filter(c.Where), QueryJson.Order(c.Order), c.Search, page);
        Assert.True(query.Succeeded);
        return query.Value!;
    }

    private static object Render(RecordQuery query) =>
        MongoRecordQueries.PagePipeline("team_1", "model_1", query).Select(Json).ToArray();

    [Fact]
    public void Every_conformance_case_renders_as_in_the_snapshot()
    {
        var rendered = RecordQueryCases.Cases.ToDictionary(c => c.Name, c => Render(Build(c, new PageInput(First: 100))));

        Snapshot.Match(rendered);
    }

    [Fact]
    public void Cursor_conditions_render_per_type_rank_as_in_the_snapshot()
    {
        var twoKeys = RecordQueryCases.Cases.Single(c => c.Name == "order_two_keys");
        var order = Build(twoKeys, new PageInput(First: 1)).Order;
        var cursors = new Dictionary<string, RecordCursor>
        {
            ["string_then_number"] = new([Scalar.Of("open"), Scalar.Of(75.5)], "a03"),
            ["string_then_null"] = new([Scalar.Of("open"), Scalar.Null], "a05"),
            ["string_then_boolean"] = new([Scalar.Of("open"), Scalar.Of(true)], "a16"),
        };

        var rendered = cursors.ToDictionary(p => p.Key, p => new
        {
            forward = Render(Build(twoKeys, new PageInput(First: 3, After: p.Value.Encode(order)))),
            backward = Render(Build(twoKeys, new PageInput(Last: 3, Before: p.Value.Encode(order)))),
        });

        Snapshot.Match(rendered);
    }

    [Fact]
    public void Related_record_pipelines_render_as_in_the_snapshot()
    {
        var filtered = RecordQueryCases.Cases.Single(c => c.Name == "order_two_keys");
        var query = Build(filtered, new PageInput(First: 10));
        var byField = new RecordLink(new FieldPath(["owner", "email"]), ["ann@a.com", "1234"]);
        var byKey = new RecordLink(null, ["acme"]);

        var rendered = new
        {
            pageByField = MongoRelatedQueries.Page("team_1", "model_1", byField, query).Select(Json),
            pageByKey = MongoRelatedQueries.Page("team_1", "model_1", byKey, query).Select(Json),
            countByField = MongoRelatedQueries.Count("team_1", "model_1", byField, query.Where, ["acme"]).Select(Json),
        };

        Snapshot.Match(rendered);
    }

    [Fact]
    public void Paths_into_attached_data_read_the_linked_section()
    {
        var query = SeededRecordStore.QueryBuilder.Build(
            QueryJson.Filter("""{"and":[{"field":"stripeCharge.status","eq":"succeeded"},{"field":"amount","gt":10}]}"""),
            QueryJson.Order("""[{"field":"stripeCharge.amount","direction":"DESC"}]"""), null, new PageInput(First: 10));

        var rendered = Render(query.Value!);

        Snapshot.Match(rendered);
    }

    [Fact]
    public void Attaching_data_and_leasing_tasks_render_as_in_the_snapshot()
    {
        var at = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var field = new FieldPath(["stripe_charge_id"]);

        var rendered = new
        {
            recordsNamingCharges = Json(MongoRecordQueries.Naming("team_1", "model_1", field, ["ch_1", "ch_2"])),
            recordsWithoutTheirCharge = Json(MongoRecordQueries.Unattached("team_1", "model_1", field, "stripeCharge")),
            taskLeasable = Json(MongoIntegrationTaskStore.Leasable("team_1", "task_1", "instance-a", at)),
            taskIdle = Json(MongoIntegrationTaskStore.Idle("team_1", "task_1", at)),
        };

        Snapshot.Match(rendered);
    }
}
