using System.Text.Json;

namespace Gather.Api.GraphQL;

/// <summary>
/// Finds a JSON member named twice in one object. JSON parsers disagree on which one wins (ours
/// takes the last), so a body with two <c>"query"</c> members could run a different document than a
/// proxy or log in front of us saw: such a body is refused rather than guessed at.
/// </summary>
public static class DuplicateJsonMembers
{
    /// <summary>The first member named twice in its object, or null; throws <see cref="JsonException"/> for JSON that does not parse.</summary>
    public static string? Find(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var objects = new Stack<HashSet<string>>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    objects.Push(new HashSet<string>(StringComparer.Ordinal));
                    break;
                case JsonTokenType.EndObject:
                    objects.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    var name = reader.GetString()!;
                    if (!objects.Peek().Add(name))
                        return name;
                    break;
            }
        }
        return null;
    }
}
