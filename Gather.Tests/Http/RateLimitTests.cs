using System.Net;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>Each API key has its own bucket; requests without a valid key share their address's; health is never limited.</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly GatherApiFactory _app = new(new Dictionary<string, string?>
    {
        ["Gather:RateLimits:PermitsPerSecondPerKey"] = "1",
        ["Gather:RateLimits:BurstPerKey"] = "3",
        ["Gather:RateLimits:PermitsPerSecondPerAddress"] = "1",
        ["Gather:RateLimits:BurstPerAddress"] = "2",
    });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_key_past_its_burst_gets_429_with_retry_after_while_other_keys_and_health_go_on()
    {
        var admin = _app.CreateClient(GatherApiFactory.AdminKey);
        var (_, _, otherSecret) = await _app.CreateOtherTeamAsync();
        var other = _app.CreateClient(otherSecret);

        // Twelve at once: the burst of 3 admits 3, plus one per second the burst takes to arrive,
        // so a slow machine admits a few more but never all twelve.
        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            admin.PostAsync("/graphql", new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"))));
        var limited = answers.FirstOrDefault(a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited);
        var body = await limited.Content.ReadAsStringAsync();
        var otherKey = await other.PostGraphQLAsync("{ __typename }");
        using var health = await admin.GetAsync("/health/ready");

        // Admitted requests may still wait for one of the team's places and, on a loaded machine, get 503.
        Assert.InRange(answers.Count(a => a.StatusCode != HttpStatusCode.TooManyRequests), 3, 11);
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.ServiceUnavailable }));
        Assert.True(limited.Headers.RetryAfter is not null || limited.Headers.Contains("Retry-After"));
        Assert.Contains("RATE_LIMITED", body);
        Assert.Equal(HttpStatusCode.OK, otherKey.Status);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Requests_without_a_valid_key_share_their_address_bucket_so_made_up_keys_buy_nothing()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await _app.CreateClient($"gth_made_up_key_{i}_0123456789").PostAsync("/graphql",
                new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
