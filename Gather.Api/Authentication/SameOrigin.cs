namespace Gather.Api.Authentication;

/// <summary>
/// Cross-site request forgery defence for cookie-authenticated requests: a request that can
/// change something must name this server as its origin. Browsers always send <c>Origin</c> on
/// such requests, and a page on another site cannot forge it.
/// </summary>
public static class SameOrigin
{
    public static bool IsStateChanging(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));

    /// <summary>Whether <c>Origin</c> is this server's own scheme, host and port.</summary>
    public static bool IsOwnOrigin(HttpRequest request) =>
        request.Headers.Origin.Count == 1
        && Uri.TryCreate(request.Headers.Origin.ToString(), UriKind.Absolute, out var origin)
        && Uri.TryCreate($"{request.Scheme}://{request.Host.Value}", UriKind.Absolute, out var own)
        && origin.AbsolutePath == "/"
        && Uri.Compare(origin, own, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
