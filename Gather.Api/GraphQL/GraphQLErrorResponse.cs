using System.Text.Json;

namespace Gather.Api.GraphQL;

/// <summary>
/// Errors raised before GraphQL runs (authentication, malformed requests) in GraphQL's
/// response shape, so clients parse one error format whatever failed.
/// </summary>
public static class GraphQLErrorResponse
{
    public static Task WriteAsync(HttpResponse response, string message, string code, string? contentType = null)
    {
        response.ContentType = contentType ?? "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(response.Body, new
        {
            errors = new[] { new { message, extensions = new { code } } },
        }, cancellationToken: response.HttpContext.RequestAborted);
    }
}
