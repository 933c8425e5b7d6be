using System.Text.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Gather.Api.Ide;

/// <summary>
/// Serves Banana Cake Pop from the npm package the build installs (never committed), the way
/// HotChocolate does: its page on a browser GET of <c>/graphql</c>, its files under
/// <c>/graphql/</c>, and <c>bcp-config.json</c> pointing it at the endpoint's path on the server it was opened from,
/// with telemetry off because these machines have no network.
/// </summary>
public sealed class BananaCakePop(IOptions<IdeOptions> options, ILogger<BananaCakePop> logger)
{
    public const string DefaultFolder = "bananacakepop";

    private readonly Lazy<string?> _index = new(() => LoadIndex(options.Value, logger));

    public string AssetsPath => ResolveAssetsPath(options.Value);

    /// <summary>Whether browsers get the IDE: it is enabled and its files are there.</summary>
    public bool IsServed => options.Value.Enabled && File.Exists(Path.Combine(AssetsPath, "index.html"));

    public IFileProvider Files => new PhysicalFileProvider(AssetsPath);

    public async Task ServeIndexAsync(HttpContext context)
    {
        if (!options.Value.Enabled || _index.Value is not { } index)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(options.Value.Enabled
                ? "Banana Cake Pop is not installed: build Gather.Api with npm on the PATH (it runs `npm ci` in Gather.Api/Ide)."
                : "The IDE is disabled (Gather:Ide:Enabled). POST GraphQL requests to this URL.");
            return;
        }

        // The page's asset URLs are relative; the base makes them resolve under /graphql/
        // whether the browser opened /graphql or /graphql/.
        var html = index.Replace("<head>", $"<head><base href=\"{context.Request.PathBase}/graphql/\">", StringComparison.Ordinal);
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.WriteAsync(html);
    }

    public Task ServeConfigAsync(HttpContext context)
    {
        // Relative: the Host header is the client's to choose, so echoing it would let a forged
        // one point the IDE (and any cache in between) at another server.
        var endpoint = $"{context.Request.PathBase}/graphql";
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            endpoint,
            useBrowserUrlAsEndpoint = true,
            title = options.Value.Title,
            disableTelemetry = true,
        }, cancellationToken: context.RequestAborted);
    }

    private static string? LoadIndex(IdeOptions options, ILogger logger)
    {
        var path = Path.Combine(ResolveAssetsPath(options), "index.html");
        if (File.Exists(path))
            return File.ReadAllText(path);
        logger.LogWarning("Banana Cake Pop is not installed at {Path}; browsers opening /graphql get a 404", path);
        return null;
    }

    private static string ResolveAssetsPath(IdeOptions options) =>
        options.AssetsPath ?? Path.Combine(AppContext.BaseDirectory, DefaultFolder);
}
