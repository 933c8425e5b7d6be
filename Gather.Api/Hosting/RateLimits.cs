using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Gather.Api.Authentication;
using Gather.Api.GraphQL;
using Gather.Schema.Common;
using Microsoft.Extensions.Options;

namespace Gather.Api.Hosting;

/// <summary>How many requests callers may make (<c>Gather:RateLimits</c>): a token bucket per API key, and one per client address for requests without a valid key.</summary>
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

    /// <summary>Sustained requests per second from one address without a valid key (webhooks, failed logins).</summary>
    [Range(1, 100_000)]
    public int PermitsPerSecondPerAddress { get; set; } = 20;

    [Range(1, 1_000_000)]
    public int BurstPerAddress { get; set; } = 200;
}

/// <summary>
/// Per-API-key rate limiting. It runs after authentication, so a key's requests share its bucket
/// whichever address they come from, and made-up keys cannot buy fresh buckets: requests without
/// a valid key share their address's smaller one. Health checks are never limited. A refused
/// request gets 429 with <c>Retry-After</c>.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddGatherRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                await GraphQLErrorResponse.WriteAsync(context.HttpContext.Response,
                    "Too many requests for this API key; wait as Retry-After says, then try again.", ErrorCodes.RateLimited);
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                if (!options.Enabled || context.Request.Path.StartsWithSegments("/health"))
                    return RateLimitPartition.GetNoLimiter("unlimited");
                return CallerClaims.FromPrincipal(context.User) is { } caller
                    ? RateLimitPartition.GetTokenBucketLimiter("key:" + caller.ApiKeyId, _ => Bucket(options.PermitsPerSecondPerKey, options.BurstPerKey))
                    : RateLimitPartition.GetTokenBucketLimiter("address:" + context.Connection.RemoteIpAddress,
                        _ => Bucket(options.PermitsPerSecondPerAddress, options.BurstPerAddress));
            });
        });
        return services;
    }

    private static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
