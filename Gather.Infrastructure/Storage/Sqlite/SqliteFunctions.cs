using System.Text;
using System.Text.Json.Nodes;
using Gather.Infrastructure.Records;
using Microsoft.Data.Sqlite;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>
/// Case-insensitive string matching for filters. SQLite's own <c>lower()</c> and <c>LIKE</c>
/// fold only ASCII; these fold as <see cref="SearchText"/> does, so "É" matches "é" here as
/// it does on MongoDB. <c>gather_search_text</c> gives a JSON tree's search text (for migrations).
/// </summary>
internal static class SqliteFunctions
{
    public static void Register(SqliteConnection connection)
    {
        connection.CreateFunction<byte[]?, byte[]?, bool>("gather_icontains",
            (value, part) => value is not null && part is not null && SearchText.Fold(Utf8(value)).Contains(Utf8(part), StringComparison.Ordinal),
            isDeterministic: true);
        connection.CreateFunction<byte[]?, byte[]?, bool>("gather_istarts",
            (value, part) => value is not null && part is not null && SearchText.Fold(Utf8(value)).StartsWith(Utf8(part), StringComparison.Ordinal),
            isDeterministic: true);
        connection.CreateFunction<byte[]?, byte[]?, bool>("gather_iends",
            (value, part) => value is not null && part is not null && SearchText.Fold(Utf8(value)).EndsWith(Utf8(part), StringComparison.Ordinal),
            isDeterministic: true);
        connection.CreateFunction<string, string>("gather_search_text", json => SearchText.Of(JsonNode.Parse(json)), isDeterministic: true);
    }

    // The string functions take their arguments as UTF-8 bytes, so embedded NUL characters survive.
    private static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
