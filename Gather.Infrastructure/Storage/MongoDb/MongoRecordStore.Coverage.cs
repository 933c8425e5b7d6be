using Gather.Infrastructure.Records;
using Gather.Infrastructure.Records.Querying;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>How far attached data covers a model's records: three counts and two short, key-ordered reads.</summary>
internal sealed partial class MongoRecordStore
{
    public async Task<AttachmentCoverage> CoverageAsync(string modelId, FieldPath field, string section, int examples,
        CancellationToken cancellationToken)
    {
        var path = RecordDocument.Data + "." + field;
        var all = MongoRecordQueries.OfModel(teamId, modelId);
        // An id is non-empty text; anything else (missing, null, a number, "") is no id.
        var idClause = new BsonDocument(path, new BsonDocument { { "$type", "string" }, { "$ne", "" } });
        var withId = new BsonDocument(all).AddRange(idClause);
        var withoutId = new BsonDocument(all) { { "$nor", new BsonArray { idClause } } };
        BsonDocument Compared(string op) => new(withId)
        {
            { "$expr", new BsonDocument(op, new BsonArray { "$" + RecordDocument.Linked + "." + section + ".id", "$" + path }) },
        };

        var records = await _records.CountDocumentsAsync(all, cancellationToken: cancellationToken);
        var holding = await _records.CountDocumentsAsync(withId, cancellationToken: cancellationToken);
        var attached = await _records.CountDocumentsAsync(Compared("$eq"), cancellationToken: cancellationToken);
        var sort = new BsonDocument(RecordDocument.Key, 1);
        var withoutIdKeys = examples == 0 ? [] : await _records.Find(withoutId).Sort(sort).Limit(examples)
            .Project(new BsonDocument(RecordDocument.Key, 1)).ToListAsync(cancellationToken);
        var unattached = examples == 0 ? [] : await _records.Find(Compared("$ne")).Sort(sort).Limit(examples)
            .Project(new BsonDocument { { RecordDocument.Key, 1 }, { path, 1 } }).ToListAsync(cancellationToken);
        return new AttachmentCoverage(records, holding, attached,
            withoutIdKeys.Select(d => d[RecordDocument.Key].AsString).ToList(),
            unattached.Select(d => new UnattachedRecord(d[RecordDocument.Key].AsString, ValueAt(d, path))).ToList());
    }

    private static string ValueAt(BsonDocument document, string path)
    {
        BsonValue value = document;
        foreach (var name in path.Split('.'))
            value = value.AsBsonDocument[name];
        return value.AsString;
    }
}
