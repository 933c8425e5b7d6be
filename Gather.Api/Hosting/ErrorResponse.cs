using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gather.Api.Hosting;

/// <summary>
/// Writes Gather's error answer (<see cref="ErrorsBody"/>, GraphQL's error shape) for every HTTP
/// endpoint: GraphQL requests refused before they run, the sync call, sessions, rate limits and
/// an unavailable store, so a client parses one format whatever failed.
/// </summary>
public static class ErrorResponse
{
    // An error's extensions name a field or a rule only when there is one.
    private static readonly JsonSerializerOptions Json = new(ReadableJson.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>One error with its code; the status is the caller's to set.</summary>
    public static Task WriteAsync(HttpResponse response, string message, string code, string? contentType = null) =>
        WriteAsync(response, [new ErrorBody(message, new ErrorExtensions(code))], contentType);

    /// <summary>A refused request: its status, and its error naming the field at fault, if any.</summary>
    public static Task WriteAsync(HttpResponse response, RequestProblem problem, string? contentType = null)
    {
        response.StatusCode = problem.StatusCode;
        return WriteAsync(response, [new ErrorBody(problem.Message, new ErrorExtensions(problem.Code, problem.Field))], contentType);
    }

    /// <summary>Several errors; the status is the caller's to set.</summary>
    public static Task WriteAsync(HttpResponse response, IReadOnlyList<ErrorBody> errors, string? contentType = null)
    {
        response.ContentType = contentType ?? "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(response.Body, new ErrorsBody(errors), Json, response.HttpContext.RequestAborted);
    }
}
