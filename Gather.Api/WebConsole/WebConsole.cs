using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Gather.Api.WebConsole;

/// <summary>
/// Serves the console (built by npm from <c>Gather.Console</c>, never committed) at <c>/</c>: its
/// hashed assets as immutable files, and <c>index.html</c> for every other browser path, so a
/// client-side route such as <c>/views/Orders?sort=amount:desc</c> can be opened, reloaded and
/// shared. The API's own paths are never answered with the page.
/// </summary>
public sealed class WebConsole(IOptions<WebConsoleOptions> options, ILogger<WebConsole> logger)
{
    public const string DefaultFolder = "console";

    /// <summary>Paths that belong to the API: a miss under them is a 404, not the console's page.</summary>
    private static readonly string[] ApiPaths = ["/graphql", "/models", "/health", "/webhooks", "/session", "/assets"];

    /// <summary>
    /// Same-origin only: the console talks to nothing but this server, and no other site may frame
    /// it (it acts with the signed-in person's session).
    /// </summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    private readonly Lazy<byte[]?> _index = new(() => LoadIndex(options.Value, logger));

    public string AssetsPath => options.Value.AssetsPath ?? Path.Combine(AppContext.BaseDirectory, DefaultFolder);

    /// <summary>Whether browsers get the console: it is enabled and its files are there.</summary>
    public bool IsServed => options.Value.Enabled && File.Exists(Path.Combine(AssetsPath, "index.html"));

    public IApplicationBuilder UseAssets(IApplicationBuilder app) => app.UseStaticFiles(new StaticFileOptions
    {
        FileProvider = new PhysicalFileProvider(AssetsPath),
        OnPrepareResponse = context =>
        {
            var headers = context.Context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            // Bundles carry a content hash in their names; the page itself must be re-read.
            headers.CacheControl = context.Context.Request.Path.StartsWithSegments("/assets")
                ? "public, max-age=31536000, immutable" : "no-cache";
            if (context.File.Name.EndsWith(".html", StringComparison.Ordinal))
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
        },
    });

    /// <summary>A browser path the API does not own gets the console's page; the router in the page shows the screen.</summary>
    public async Task ServePageAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || ApiPaths.Any(path => request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase))
            || _index.Value is not { } index)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var headers = context.Response.Headers;
        headers.ContentType = "text/html; charset=utf-8";
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "same-origin";
        headers.ContentLength = index.Length;
        if (HttpMethods.IsGet(request.Method))
            await context.Response.Body.WriteAsync(index, context.RequestAborted);
    }

    private static byte[]? LoadIndex(WebConsoleOptions options, ILogger logger)
    {
        var path = Path.Combine(options.AssetsPath ?? Path.Combine(AppContext.BaseDirectory, DefaultFolder), "index.html");
        if (File.Exists(path))
            return File.ReadAllBytes(path);
        logger.LogWarning("The console is not built at {Path}; browsers opening / get a 404", path);
        return null;
    }
}
