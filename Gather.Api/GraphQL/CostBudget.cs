using System.Threading.RateLimiting;
using Gather.Api.Hosting;
using Gather.Schema;
using Microsoft.Extensions.Options;

namespace Gather.Api.GraphQL;

/// <summary>
/// A budget of work per API key, beside the request-rate limit: a token bucket of field
/// selections (<c>Gather:GraphQL:FieldsPerSecondPerKey</c>, burst <c>FieldsBurstPerKey</c>), charged
/// with a document's counted fields before it is validated or run. Requests alone are a poor
/// measure: one request may select two fields or two thousand. A document costing more than the
/// whole burst is charged the burst, so it can still run once the bucket is full.
/// </summary>
public sealed class CostBudget(IOptions<GraphQLLimitsOptions> limits, IOptions<RateLimitOptions> rateLimits) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _buckets = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.Value.FieldsBurstPerKey,
            TokensPerPeriod = limits.Value.FieldsPerSecondPerKey,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Takes <paramref name="cost"/> from the key's bucket; when it holds too little, how long to wait instead.</summary>
    public bool TryCharge(string apiKeyId, long cost, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!rateLimits.Value.Enabled)
            return true;
        var permits = (int)Math.Clamp(cost, 1, limits.Value.FieldsBurstPerKey);
        using var lease = _buckets.AttemptAcquire(apiKeyId, permits);
        if (lease.IsAcquired)
            return true;
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        return false;
    }

    public void Dispose() => _buckets.Dispose();
}
