using System.Text.Json;
using Gather.Api.Hosting;
using Gather.Schema.Common;

namespace Gather.Api.Records;

/// <summary>
/// Tells a sync body that is one JSON object or array, but came as a form or with no content
/// type, from a real form: <c>curl -d '{"id":1}'</c> sends <c>application/x-www-form-urlencoded</c>
/// unless told otherwise. A form such as <c>id=1&amp;amount=75</c> is never valid JSON, and a
/// JSON object or array never reads as a form anyone meant (one field named by the document).
/// </summary>
public static class JsonBodyHint
{
    public static bool IsJsonDocument(ReadOnlySpan<byte> body)
    {
        var start = 0;
        while (start < body.Length && body[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            start++;
        if (start == body.Length || body[start] is not ((byte)'{' or (byte)'['))
            return false;
        try
        {
            // The reader refuses anything after the one document; nothing is allocated.
            var reader = new Utf8JsonReader(body);
            while (reader.Read())
            {
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>415 naming the header to send; <paramref name="sentAs"/> is the content type the body came with (null: none).</summary>
    public static RequestProblem Problem(string? sentAs) => new(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
        (sentAs is null
            ? "The body is a JSON document, but the request has no Content-Type. "
            : $"The body is a JSON document, but it came as '{sentAs}', so it would be read as form fields (curl -d sends that type unless told otherwise). ")
        + "Send JSON with `Content-Type: application/json` (curl: -H 'Content-Type: application/json'), or send form fields: -d id=1234 -d amount=75.",
        "Content-Type");
}
