using Gather.Schema.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace Gather.Api.Hosting;

/// <summary>
/// An error status that nothing wrote a body for (no endpoint at the path, a method routing does
/// not take, a request the framework refused before an endpoint ran) gets Gather's error shape
/// too, with the code its status stands for, so a client parses one format whoever answered.
/// </summary>
public static class StatusCodeErrors
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var response = context.HttpContext.Response;
        var method = context.HttpContext.Request.Method;
        var (code, message) = response.StatusCode switch
        {
            StatusCodes.Status404NotFound => (ErrorCodes.NotFound,
                $"Nothing answers {method} at this path. The REST endpoints are listed at /openapi/v1.json; everything else goes through POST /graphql."),
            StatusCodes.Status405MethodNotAllowed => (ErrorCodes.MethodNotAllowed, $"This endpoint does not take {method}; Allow says which methods it does."),
            StatusCodes.Status400BadRequest => (ErrorCodes.BadRequest, "The request could not be read."),
            StatusCodes.Status401Unauthorized => (ErrorCodes.Unauthenticated, "Authentication is required."),
            StatusCodes.Status403Forbidden => (ErrorCodes.Forbidden, "The caller may not do this."),
            StatusCodes.Status406NotAcceptable => (ErrorCodes.NotAcceptable, "The endpoint answers with none of the media types Accept names."),
            StatusCodes.Status413PayloadTooLarge => (ErrorCodes.RequestTooLarge, "The request body is larger than this endpoint takes."),
            StatusCodes.Status415UnsupportedMediaType => (ErrorCodes.UnsupportedMediaType, "The body's Content-Type is not one this endpoint reads."),
            StatusCodes.Status429TooManyRequests => (ErrorCodes.RateLimited, "Too many requests; wait as Retry-After says, then try again."),
            var status when status >= 500 => (ErrorCodes.InternalError, InternalErrorAnswer.Message),
            var status => (ErrorCodes.BadRequest, $"The request was refused ({status} {ReasonPhrases.GetReasonPhrase(status)})."),
        };
        return ErrorResponse.WriteAsync(response, message, code);
    }
}
