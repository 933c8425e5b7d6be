using Microsoft.Extensions.Options;

namespace Gather.Api.Hosting;

/// <summary>
/// Which browser pages on other origins may call Gather (<c>Gather:Cors</c>). Empty by default:
/// only pages Gather serves itself (the console, Banana Cake Pop) can call it from a browser.
/// Scripts and servers are not browsers and are never affected.
/// </summary>
public sealed class CrossOriginOptions
{
    public const string Section = "Gather:Cors";

    /// <summary>Origins such as <c>https://app.example.com</c> (scheme, host and port; no path), or <c>*</c> for any origin.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>How long a browser may cache a preflight's answer.</summary>
    public int MaxAgeSeconds { get; set; } = 600;
}

/// <summary>
/// CORS for the GraphQL endpoint and the REST sync: preflights answered with the methods and the
/// <c>Authorization</c>/<c>Content-Type</c> headers, before authentication and rate limits, so a
/// preflight never needs a key and never spends one. Keys travel in a header, never in cookies,
/// so no origin is ever allowed credentials.
/// </summary>
public static class CrossOrigin
{
    public const string PolicyName = "Gather";

    /// <summary>Request headers a browser page may send.</summary>
    private static readonly string[] RequestHeaders = ["Authorization", "Content-Type", "Accept", "GraphQL-Preflight"];

    /// <summary>Response headers a page may read: when to retry, and what a request cost.</summary>
    private static readonly string[] ExposedHeaders = ["Retry-After", StoreRoundTripsHeader.Name];

    public static IServiceCollection AddGatherCrossOrigin(this IServiceCollection services)
    {
        services.AddOptions<CrossOriginOptions>().BindConfiguration(CrossOriginOptions.Section)
            .Validate(o => o.AllowedOrigins.All(IsOrigin), "Gather:Cors:AllowedOrigins: each entry must be '*' or an origin such as https://app.example.com (scheme, host, optional port; no path).")
            .Validate(o => o.MaxAgeSeconds is >= 0 and <= 86_400, "Gather:Cors:MaxAgeSeconds must be from 0 to 86400.")
            .ValidateOnStart();
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<CrossOriginOptions>>((cors, configured) => cors.AddPolicy(PolicyName, policy =>
            {
                var origins = configured.Value.AllowedOrigins;
                if (origins.Contains("*"))
                    policy.AllowAnyOrigin();
                else
                    policy.WithOrigins(origins.Select(Normalize).ToArray());
                policy.WithMethods(HttpMethods.Get, HttpMethods.Post)
                    .WithHeaders(RequestHeaders)
                    .WithExposedHeaders(ExposedHeaders)
                    .SetPreflightMaxAge(TimeSpan.FromSeconds(configured.Value.MaxAgeSeconds));
            }));
        return services;
    }

    private static bool IsOrigin(string value) =>
        value == "*"
        || Uri.TryCreate(value, UriKind.Absolute, out var uri)
           && uri.Scheme is "http" or "https"
           && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0;

    /// <summary>What a browser sends as <c>Origin</c>: lower-case host, no default port, no slash.</summary>
    private static string Normalize(string origin) => new Uri(origin).GetLeftPart(UriPartial.Authority);
}
