using Gather.Infrastructure.Models;
using Gather.Infrastructure.Storage.MongoDb;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using Snapshooter.Xunit;

namespace Gather.Tests.Records;

/// <summary>The updates the MongoDB adapter sends to settle field kinds (first writer wins, INT widens to FLOAT), snapshotted without a server.</summary>
public sealed class MongoSettledFieldsSnapshotTests
{
    private static string Json(BsonValue value) => value.ToJson(new JsonWriterSettings { OutputMode = JsonOutputMode.RelaxedExtendedJson });

    [Fact]
    public void Settling_a_new_path_and_widening_render_as_in_the_snapshot()
    {
        var args = new RenderArgs<ModelDocument>(BsonSerializer.LookupSerializer<ModelDocument>(), BsonSerializer.SerializerRegistry);
        var model = Builders<ModelDocument>.Filter.Eq(m => m.TeamId, "team_1") & Builders<ModelDocument>.Filter.Eq(m => m.Id, "model_1");

        var rendered = new[] { new SettledField("status", ValueKind.String), new SettledField("amount", ValueKind.Float) }.ToDictionary(
            f => $"{f.Path}:{f.Kind}",
            f => MongoSettledFields.Updates(model, f).Cast<UpdateOneModel<ModelDocument>>().Select(u => new
            {
                filter = Json(u.Filter.Render(args)),
                update = Json(u.Update.Render(args)),
                arrayFilters = u.ArrayFilters?.Select(a => Json(((BsonDocumentArrayFilterDefinition<BsonDocument>)a).Document)).ToArray(),
            }).ToArray());

        Snapshot.Match(rendered);
    }
}
