using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gather.Infrastructure.Records;

/// <summary>
/// Search looks for each term, case-insensitively, in any string value of a record, attached
/// data included. Both stores keep this folded text beside the record and match terms with
/// a plain substring test, so they agree on every case.
/// </summary>
public static class SearchText
{
    /// <summary>Separates values so a term never matches across two of them.</summary>
    private const char Separator = '\n';

    public static string Of(JsonObject data, JsonObject linked)
    {
        var text = new StringBuilder();
        Collect(data, text);
        Collect(linked, text);
        return text.ToString();
    }

    /// <summary>The folded text of one tree, e.g. a record's data or its attached data alone (SQLite keeps them apart).</summary>
    public static string Of(JsonNode? node)
    {
        var text = new StringBuilder();
        Collect(node, text);
        return text.ToString();
    }

    public static string Fold(string value) => value.ToLowerInvariant();

    /// <summary>The terms of a search string: split on whitespace, folded, duplicates dropped.</summary>
    public static IReadOnlyList<string> Terms(string? search) =>
        string.IsNullOrWhiteSpace(search)
            ? []
            : search.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Fold).Distinct().ToList();

    private static void Collect(JsonNode? node, StringBuilder text)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                    Collect(value, text);
                break;
            case JsonArray array:
                foreach (var element in array)
                    Collect(element, text);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                if (text.Length > 0)
                    text.Append(Separator);
                text.Append(Fold(value.GetValue<string>()));
                break;
        }
    }
}
