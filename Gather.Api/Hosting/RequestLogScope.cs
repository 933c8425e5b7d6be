using Gather.Api.Authentication;

namespace Gather.Api.Hosting;

/// <summary>
/// Every log line written while a request runs carries its request id and, once the API key is
/// known, the caller's team and key ids, never the key itself. With the console's JSON
/// formatter (<c>Logging__Console__FormatterName=json</c>) they arrive as structured fields.
/// </summary>
public static class RequestLogScope
{
    public static IApplicationBuilder UseRequestLogScope(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Gather.Request");
            var caller = CallerClaims.FromPrincipal(context.User);
            using (logger.BeginScope(new Dictionary<string, object?>
            {
                ["RequestId"] = context.TraceIdentifier,
                ["TeamId"] = caller?.TeamId,
                ["ApiKeyId"] = caller?.ApiKeyId,
            }))
            {
                await next(context);
            }
        });
}
