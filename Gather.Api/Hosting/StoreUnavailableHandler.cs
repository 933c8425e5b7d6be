using Gather.Infrastructure.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace Gather.Api.Hosting;

/// <summary>
/// A request that failed because the store is unreachable gets 503 with <c>Retry-After</c> and the
/// code <c>STORE_UNAVAILABLE</c>, not a 500: the caller's request was fine and may be sent again.
/// Readiness (<c>/health/ready</c>) turns red meanwhile, and recovers by itself.
/// </summary>
public sealed class StoreUnavailableHandler(ILogger<StoreUnavailableHandler> logger) : IExceptionHandler
{
    public const string Code = "STORE_UNAVAILABLE";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!StoreUnavailable.Is(exception) || context.Response.HasStarted)
            return false;
        logger.LogWarning(exception, "The store is unavailable; answered 503");
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "5";
        await ErrorResponse.WriteAsync(context.Response, "The store is unavailable right now; try again shortly.", Code);
        return true;
    }
}
