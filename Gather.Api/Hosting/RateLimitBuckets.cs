using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Gather.Api.Hosting;

/// <summary>
/// The token buckets of <c>Gather:RateLimits</c>, one per partition: an API key, a team, a client address
/// (requests without a valid key), or an integration (its verified Stripe deliveries). One set
/// serves both the rate-limiting middleware and the webhook endpoint, which takes its permits
/// after it has checked a delivery's signature.
/// </summary>
public sealed class RateLimitBuckets : IDisposable
{
    private const string KeyPrefix = "key:", TeamPrefix = "team:", AddressPrefix = "address:", IntegrationPrefix = "integration:";

    private readonly IOptions<RateLimitOptions> _options;
    private readonly PartitionedRateLimiter<string> _buckets;

    public RateLimitBuckets(IOptions<RateLimitOptions> options)
    {
        _options = options;
        _buckets = PartitionedRateLimiter.Create<string, string>(partition => Partition(partition, options.Value));
    }

    public static string ForKey(string apiKeyId) => KeyPrefix + apiKeyId;

    public static string ForTeam(string teamId) => TeamPrefix + teamId;

    public static string ForAddress(IPAddress? address) => AddressPrefix + address;

    public static string ForIntegration(string integrationId) => IntegrationPrefix + integrationId;

    /// <summary>One permit from <paramref name="partition"/>'s bucket; dispose the lease, check <see cref="RateLimitLease.IsAcquired"/>.</summary>
    public RateLimitLease Acquire(string partition) => _buckets.AttemptAcquire(partition);

    /// <summary>The buckets as the middleware's limiter; <paramref name="partitionOf"/> returning null means not limited.</summary>
    public PartitionedRateLimiter<HttpContext> ForRequests(Func<HttpContext, string?> partitionOf) =>
        _buckets.WithTranslatedKey<HttpContext>(context => partitionOf(context) ?? "", leaveOpen: true);

    /// <summary>Sets <c>Retry-After</c> from a refused lease, in whole seconds.</summary>
    public static void SetRetryAfter(HttpResponse response, RateLimitLease lease)
    {
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    private static RateLimitPartition<string> Partition(string partition, RateLimitOptions options)
    {
        if (!options.Enabled || partition.Length == 0)
            return RateLimitPartition.GetNoLimiter("");
        var (perSecond, burst) = partition switch
        {
            _ when partition.StartsWith(KeyPrefix, StringComparison.Ordinal) => (options.PermitsPerSecondPerKey, options.BurstPerKey),
            _ when partition.StartsWith(TeamPrefix, StringComparison.Ordinal) => (options.PermitsPerSecondPerTeam, options.BurstPerTeam),
            _ when partition.StartsWith(IntegrationPrefix, StringComparison.Ordinal) => (options.PermitsPerSecondPerIntegration, options.BurstPerIntegration),
            _ => (options.PermitsPerSecondPerAddress, options.BurstPerAddress),
        };
        return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    public void Dispose() => _buckets.Dispose();
}
