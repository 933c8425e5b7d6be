using Microsoft.Net.Http.Headers;

namespace Gather.Api.GraphQL;

/// <summary>Content negotiation as the GraphQL-over-HTTP specification describes it.</summary>
public static class GraphQLMediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// The response media type the client accepts best, preferring the GraphQL one on a tie;
    /// <c>application/json</c> when the client states no preference; null when it accepts neither.
    /// </summary>
    public static string? Negotiate(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
            return Json;

        string? best = null;
        double bestQuality = 0;
        foreach (var range in accept)
        {
            var quality = range.Quality ?? 1.0;
            if (quality <= 0)
                continue;
            var candidate = Match(range);
            if (candidate is null)
                continue;
            if (quality > bestQuality || (quality == bestQuality && candidate == GraphQLResponse && best != GraphQLResponse))
            {
                best = candidate;
                bestQuality = quality;
            }
        }
        return best;
    }

    private static string? Match(MediaTypeHeaderValue range)
    {
        var type = range.MediaType.Value?.ToLowerInvariant();
        return type switch
        {
            GraphQLResponse => GraphQLResponse,
            Json => Json,
            // A wildcard states no preference; the spec keeps application/json for those clients.
            "*/*" or "application/*" => Json,
            _ => null,
        };
    }

    public static bool IsJsonContentType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType.Value, Json, StringComparison.OrdinalIgnoreCase);

    /// <summary>A browser navigating to the endpoint (wants HTML, asks no query) gets the IDE instead.</summary>
    public static bool IsBrowserNavigation(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !request.Query.ContainsKey("query")
        && request.GetTypedHeaders().Accept.Any(a => string.Equals(a.MediaType.Value, "text/html", StringComparison.OrdinalIgnoreCase));
}
