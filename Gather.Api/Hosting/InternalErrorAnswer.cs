using Gather.Schema.Common;

namespace Gather.Api.Hosting;

/// <summary>
/// What a request whose failure nothing handled answers (after <see cref="StoreUnavailableHandler"/>
/// and any other exception handler passed): 500 with <c>INTERNAL_ERROR</c> in Gather's error shape,
/// as a GraphQL field that fails does. The message is fixed: the exception's type, message and
/// data stay in the server's log, where the exception handling middleware writes them.
/// </summary>
public static class InternalErrorAnswer
{
    public const string Message = "Gather failed to answer this request. The failure is logged; try again, and report it if it persists.";

    public static Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return ErrorResponse.WriteAsync(context.Response, Message, ErrorCodes.InternalError);
    }
}
