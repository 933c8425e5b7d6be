using System.Threading.RateLimiting;
using System.ComponentModel.DataAnnotations;
using Gather.Api.Authentication;
using Gather.Schema.Common;
using Microsoft.AspNetCore.RateLimiting;

namespace Gather.Api.Hosting;

/// <summary>
/// How many requests callers may make (<c>Gather:RateLimits</c>): a token bucket per API key and
/// one per team (all its keys together), one per client address for requests without a valid key, and one per integration for its signed
/// Stripe deliveries.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Gather:RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Sustained requests per second for one API key.</summary>
    [Range(1, 100_000)]
    public int PermitsPerSecondPerKey { get; set; } = 200;

    /// <summary>How many requests one API key may make at once after being idle.</summary>
    [Range(1, 1_000_000)]
    public int BurstPerKey { get; set; } = 2_000;

    /// <summary>Sustained requests per second for all of one team's API keys together: more keys buy no more requests.</summary>
    [Range(1, 100_000)]
    public int PermitsPerSecondPerTeam { get; set; } = 400;

    [Range(1, 1_000_000)]
    public int BurstPerTeam { get; set; } = 4_000;

    /// <summary>Sustained requests per second from one address without a valid key (failed logins, refused webhook deliveries).</summary>
    [Range(1, 100_000)]
    public int PermitsPerSecondPerAddress { get; set; } = 20;

    [Range(1, 1_000_000)]
    public int BurstPerAddress { get; set; } = 200;

    /// <summary>
    /// Sustained Stripe deliveries per second for one integration, counted only once their
    /// signature has been verified, so no one else's traffic can use them up.
    /// </summary>
    [Range(1, 100_000)]
    public int PermitsPerSecondPerIntegration { get; set; } = 100;

    [Range(1, 1_000_000)]
    public int BurstPerIntegration { get; set; } = 1_000;
}

/// <summary>
/// Per-API-key rate limiting. It runs after authentication, so a key's requests share its bucket
/// whichever address they come from, and made-up keys cannot buy fresh buckets: requests without
/// a valid key share their address's smaller one. Health checks are never limited, and neither
/// are Stripe's webhooks here: they are limited by their endpoint once their signature is checked
/// (<see cref="RateLimitBuckets.ForIntegration"/>), so anonymous traffic cannot use up their
/// permits. A refused request gets 429 with <c>Retry-After</c>.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddGatherRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RateLimitBuckets>();
        services.AddOptions<RateLimiterOptions>().Configure<RateLimitBuckets>((limiter, buckets) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                RateLimitBuckets.SetRetryAfter(context.HttpContext.Response, context.Lease);
                await ErrorResponse.WriteAsync(context.HttpContext.Response,
                    "Too many requests for this API key or its team; wait as Retry-After says, then try again.", ErrorCodes.RateLimited);
            };
            // A key's request takes a permit from its key's bucket and from its team's.
            static bool Unlimited(HttpContext context) => context.Request.Path.StartsWithSegments("/health");
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                buckets.ForRequests(context => Unlimited(context) ? null
                    : CallerClaims.ApiKeyIdOf(context.User) is { } key ? RateLimitBuckets.ForKey(key)
                    : RateLimitBuckets.ForAddress(context.Connection.RemoteIpAddress)),
                buckets.ForRequests(context => Unlimited(context) ? null
                    : CallerClaims.TeamIdOf(context.User) is { } team ? RateLimitBuckets.ForTeam(team) : null));
        });
        services.AddRateLimiter(_ => { });
        return services;
    }
}
