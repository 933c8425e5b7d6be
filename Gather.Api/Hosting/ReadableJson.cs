using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gather.Api.Hosting;

/// <summary>
/// How Gather's own JSON answers outside GraphQL are written: web defaults (camelCase), with
/// relaxed escaping so messages stay readable ('email', not \u0027email\u0027); the bodies are
/// JSON, never HTML.
/// </summary>
public static class ReadableJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
