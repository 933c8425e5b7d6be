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
        connection.CreateFunction<string?, string?, bool>("gather_icontains",
            (value, part) => value is not null && part is not null && SearchText.Fold(value).Contains(part, StringComparison.Ordinal),
            isDeterministic: true);
        connection.CreateFunction<string?, string?, bool>("gather_istarts",
            (value, part) => value is not null && part is not null && SearchText.Fold(value).StartsWith(part, StringComparison.Ordinal),
            isDeterministic: true);
        connection.CreateFunction<string?, string?, bool>("gather_iends",
            (value, part) => value is not null && part is not null && SearchText.Fold(value).EndsWith(part, StringComparison.Ordinal),
            isDeterministic: true);
        connection.CreateFunction<string, string>("gather_search_text", json => SearchText.Of(JsonNode.Parse(json)), isDeterministic: true);
    }
}
