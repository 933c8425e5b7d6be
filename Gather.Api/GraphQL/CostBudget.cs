using System.Threading.RateLimiting;
using Gather.Api.Hosting;
using Gather.Infrastructure.Security;
using Gather.Schema;
using Microsoft.Extensions.Options;

namespace Gather.Api.GraphQL;

/// <summary>
/// A budget of work beside the request-rate limit: token buckets of field selections, one per API
/// key (<c>Gather:GraphQL:FieldsPerSecondPerKey</c>, burst <c>FieldsBurstPerKey</c>) and one per
/// team (<c>FieldsPerSecondPerTeam</c>, burst <c>FieldsBurstPerTeam</c>), charged with a document's
/// counted fields before it is validated or run. Requests alone are a poor measure: one request may
/// select two fields or two thousand. The team's bucket holds however many keys the team makes, so
/// minting keys buys no extra work. A document costing more than a whole burst is charged that
/// burst, so it can still run once the buckets are full.
/// </summary>
public sealed class CostBudget(IOptions<GraphQLLimitsOptions> limits, IOptions<RateLimitOptions> rateLimits) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _keys = Buckets(limits.Value.FieldsPerSecondPerKey, limits.Value.FieldsBurstPerKey);
    private readonly PartitionedRateLimiter<string> _teams = Buckets(limits.Value.FieldsPerSecondPerTeam, limits.Value.FieldsBurstPerTeam);

    /// <summary>
    /// Takes <paramref name="cost"/> from the caller's key bucket, then from its team's; when either
    /// holds too little, <paramref name="refusal"/> says which and how long to wait. (Buckets cannot
    /// give tokens back: a key refused by its team's bucket has still paid its own, which costs only
    /// that team.)
    /// </summary>
    public bool TryCharge(Caller caller, long cost, out CostRefusal refusal)
    {
        refusal = default;
        if (!rateLimits.Value.Enabled)
            return true;
        using var key = _keys.AttemptAcquire(caller.ApiKeyId, (int)Math.Clamp(cost, 1, limits.Value.FieldsBurstPerKey));
        if (!key.IsAcquired)
        {
            refusal = Refusal(key, byTeam: false, limits.Value.FieldsPerSecondPerKey);
            return false;
        }
        using var team = _teams.AttemptAcquire(caller.TeamId, (int)Math.Clamp(cost, 1, limits.Value.FieldsBurstPerTeam));
        if (!team.IsAcquired)
        {
            refusal = Refusal(team, byTeam: true, limits.Value.FieldsPerSecondPerTeam);
            return false;
        }
        return true;
    }

    private static CostRefusal Refusal(RateLimitLease lease, bool byTeam, int perSecond) =>
        new(byTeam, perSecond, lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1));

    private static PartitionedRateLimiter<string> Buckets(int perSecond, int burst) =>
        PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public void Dispose()
    {
        _keys.Dispose();
        _teams.Dispose();
    }
}

/// <summary>Which budget refused a document (the team's or the key's, and its rate) and when to try again.</summary>
public readonly record struct CostRefusal(bool ByTeam, int PerSecond, TimeSpan RetryAfter)
{
    /// <summary>The option that sets the refusing budget's rate, for the error message.</summary>
    public string Option => ByTeam ? "FieldsPerSecondPerTeam" : "FieldsPerSecondPerKey";
}
