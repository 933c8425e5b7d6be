using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gather.Infrastructure.Records;
using MongoDB.Bson;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>Converts record data between System.Text.Json nodes and BSON, keeping JSON's types.</summary>
internal static class MongoJson
{
    public static BsonDocument ToBson(JsonObject json)
    {
        var document = new BsonDocument();
        foreach (var (name, value) in json)
            document.Add(name, ToBson(value));
        return document;
    }

    public static BsonValue ToBson(JsonNode? node) => node switch
    {
        null => BsonNull.Value,
        JsonObject obj => ToBson(obj),
        JsonArray array => new BsonArray(array.Select(ToBson)),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => new BsonString(value.GetValue<string>()),
            JsonValueKind.True => BsonBoolean.True,
            JsonValueKind.False => BsonBoolean.False,
            JsonValueKind.Number when value.TryGetValue<long>(out var l) => l is >= int.MinValue and <= int.MaxValue ? new BsonInt32((int)l) : new BsonInt64(l),
            JsonValueKind.Number => new BsonDouble(value.GetValue<double>()),
            _ => BsonNull.Value,
        },
        _ => BsonNull.Value,
    };

    public static JsonObject ToJson(BsonDocument document)
    {
        var json = new JsonObject();
        foreach (var element in document)
            json[element.Name] = ToJson(element.Value);
        return json;
    }

    public static JsonNode? ToJson(BsonValue value) => value.BsonType switch
    {
        BsonType.Null or BsonType.Undefined => null,
        BsonType.Document => ToJson(value.AsBsonDocument),
        BsonType.Array => new JsonArray(value.AsBsonArray.Select(ToJson).ToArray()),
        BsonType.String => JsonValue.Create(value.AsString),
        BsonType.Boolean => JsonValue.Create(value.AsBoolean),
        BsonType.Int32 => JsonValue.Create((long)value.AsInt32),
        BsonType.Int64 => JsonValue.Create(value.AsInt64),
        BsonType.Double => JsonValue.Create(value.AsDouble),
        BsonType.Decimal128 => JsonValue.Create((double)value.AsDecimal128),
        BsonType.DateTime => JsonValue.Create(value.ToUniversalTime().ToString(DeclaredTypeConversion.DateTimeFormat, CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(value.ToString()),
    };
}
