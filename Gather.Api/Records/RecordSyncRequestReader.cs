using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gather.Api.Hosting;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Validation;
using Microsoft.Extensions.Options;
using Gather.Schema.Common;

namespace Gather.Api.Records;

/// <summary>
/// The records of one sync request. JSON records are views over the pooled body they were
/// parsed from, so the request is disposed once they have been normalized (the normalizer
/// copies every value it keeps).
/// </summary>
public sealed class RecordSyncRequest(IReadOnlyList<RecordInput> records, params IDisposable[] owned) : IDisposable
{
    public IReadOnlyList<RecordInput> Records { get; } = records;

    public void Dispose()
    {
        foreach (var resource in owned)
            resource.Dispose();
    }
}

/// <summary>
/// Reads the records of <c>POST /models/{modelId}/records</c>: form fields (one record, as
/// <c>curl -d</c> sends them), a JSON object (one record) or a JSON array (a batch). The body
/// is read within <c>Gather:Sync:MaxRequestBodyBytes</c>.
/// </summary>
public sealed class RecordSyncRequestReader(IOptions<SyncOptions> options)
{
    public async Task<(RecordSyncRequest? Request, RequestProblem? Problem)> ReadAsync(HttpRequest request)
    {
        var isForm = request.HasFormContentType && request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        var isJson = request.ContentType is { } type && (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
                                                         || type.Contains("+json", StringComparison.OrdinalIgnoreCase));
        var untyped = string.IsNullOrWhiteSpace(request.ContentType);
        if (!isForm && !isJson && !untyped)
            return (null, UnsupportedType(request.ContentType!));

        var maxBytes = options.Value.MaxRequestBodyBytes;
        var body = await BoundedBody.ReadAsync(request, maxBytes);
        if (body is null)
            return (null, new(StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge,
                $"The request body is larger than the {maxBytes} bytes allowed (Gather:Sync:MaxRequestBodyBytes)."));
        if (!isJson)
        {
            using (body)
            {
                // A JSON document sent as a form (curl -d '{…}' without a Content-Type header) would
                // read as one field named by the whole document, and fail on the ID field instead.
                if (JsonBodyHint.IsJsonDocument(body.Memory.Span))
                    return (null, JsonBodyHint.Problem(untyped ? null : request.ContentType));
                return untyped ? (null, UnsupportedType("no content type")) : ReadForm(body.Memory);
            }
        }
        var (records, problem) = ReadJson(body);
        if (records is null)
            body.Dispose();
        return (records, problem);
    }

    private static RequestProblem UnsupportedType(string contentType) => new(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
        $"Send records as form fields (application/x-www-form-urlencoded, as `curl -d` does) or as JSON (Content-Type: application/json); this request has '{contentType}'.",
        "Content-Type");

    private static (RecordSyncRequest?, RequestProblem?) ReadForm(ReadOnlyMemory<byte> body)
    {
        if (FormFields.Read(body.Span, out var problem) is not { } fields)
            return (null, new(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, problem!));
        var record = new JsonObject();
        foreach (var group in fields.GroupBy(f => f.Name, StringComparer.Ordinal))
        {
            var count = group.Count();
            if (count > 1)
                return (null, new(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest,
                    $"Form field '{group.Key}' is given {count} times; give each field once.", group.Key));
            record[group.Key] = JsonValue.Create(group.Single().Value);
        }
        return (new RecordSyncRequest([new RecordInput(record, FromForm: true)]), null);
    }

    /// <summary>
    /// Parses in place over the pooled body (no copy of the bytes, pooled token metadata); on
    /// success the request owns the body and the document.
    /// </summary>
    private static (RecordSyncRequest?, RequestProblem?) ReadJson(BoundedBody body)
    {
        // Invalid UTF-8, lone surrogate escapes and duplicate members are refused before parsing:
        // System.Text.Json would throw on the first two only when a value is read, long after.
        if (JsonTextCheck.Problem(body.Memory.Span, "The body") is { } problem)
            return (null, new(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, problem));
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.Memory); // duplicate members were refused above
        }
        catch (JsonException e)
        {
            return (null, new(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, $"The body is not valid JSON: {e.Message}"));
        }
        var root = document.RootElement;
        IReadOnlyList<RecordInput>? records = root.ValueKind switch
        {
            JsonValueKind.Object => [new RecordInput(JsonObject.Create(root))],
            JsonValueKind.Array => JsonArray.Create(root)!.Select(r => new RecordInput(r)).ToList(),
            _ => null,
        };
        if (records is null)
        {
            document.Dispose();
            return (null, new(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest,
                "The body must be a JSON object (one record) or an array of objects (a batch)."));
        }
        return (new RecordSyncRequest(records, document, body), null);
    }
}
