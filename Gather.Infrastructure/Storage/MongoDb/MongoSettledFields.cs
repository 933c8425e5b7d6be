using Gather.Infrastructure.Models;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>
/// The updates that settle one field kind on a model's document (<see cref="FieldSettling.Merge"/>'s
/// rule, enforced by the filters): add the path unless it is there, and widen INT to FLOAT.
/// </summary>
internal static class MongoSettledFields
{
    private const string Field = "settledFields";

    public static IEnumerable<WriteModel<ModelDocument>> Updates(FilterDefinition<ModelDocument> model, SettledField proposed)
    {
        yield return new UpdateOneModel<ModelDocument>(
            model & new BsonDocument($"{Field}.{SettledFieldDocument.Path}", new BsonDocument("$ne", proposed.Path)),
            new BsonDocument("$push", new BsonDocument(Field, new BsonDocument
            {
                { SettledFieldDocument.Path, proposed.Path }, { SettledFieldDocument.Kind, proposed.Kind.ToString() },
            })));
        if (proposed.Kind != ValueKind.Float)
            yield break;
        yield return new UpdateOneModel<ModelDocument>(model,
            new BsonDocument("$set", new BsonDocument($"{Field}.$[f].{SettledFieldDocument.Kind}", nameof(ValueKind.Float))))
        {
            ArrayFilters =
            [
                new BsonDocumentArrayFilterDefinition<BsonDocument>(new BsonDocument
                {
                    { $"f.{SettledFieldDocument.Path}", proposed.Path }, { $"f.{SettledFieldDocument.Kind}", nameof(ValueKind.Int) },
                }),
            ],
        };
    }
}
