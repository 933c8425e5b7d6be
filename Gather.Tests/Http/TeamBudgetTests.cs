using System.Net;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>
/// A team's keys share the team's request and field budgets, so a team that mints more keys buys
/// no more work; other teams go on.
/// </summary>
public sealed class TeamBudgetTests : IDisposable
{
    private readonly GatherApiFactory _app = new(new Dictionary<string, string?>
    {
        ["Gather:RateLimits:PermitsPerSecondPerKey"] = "1000",
        ["Gather:RateLimits:BurstPerKey"] = "1000",
        ["Gather:RateLimits:PermitsPerSecondPerTeam"] = "1",
        ["Gather:RateLimits:BurstPerTeam"] = "8",
        ["Gather:GraphQL:FieldsPerSecondPerKey"] = "100000",
        ["Gather:GraphQL:FieldsBurstPerKey"] = "100000",
        ["Gather:GraphQL:FieldsPerSecondPerTeam"] = "1",
        ["Gather:GraphQL:FieldsBurstPerTeam"] = "100",
    });

    public void Dispose() => _app.Dispose();

    // 61 field selections: far inside each key's budget, but a team budget of 100 pays for one.
    private static readonly string SixtyOneFields = "{ viewer { " + string.Concat(Enumerable.Range(0, 60).Select(i => $"s{i}: scopes ")) + "} }";

    private async Task<HttpClient[]> FreshKeysAsync(int count)
    {
        var admin = _app.CreateClient(GatherApiFactory.AdminKey);
        var keys = new HttpClient[count];
        for (var i = 0; i < count; i++)
        {
            var created = await admin.PostGraphQLAsync($"mutation {{ createApiKey(input: {{ name: \"k{i}\", scopes: [READ] }}) {{ secret }} }}");
            keys[i] = _app.CreateClient(created.Data!["createApiKey"]!["secret"]!.GetValue<string>());
        }
        return keys;
    }

    [Fact]
    public async Task Fresh_keys_of_one_team_share_its_field_budget_while_another_team_goes_on()
    {
        var keys = await FreshKeysAsync(3);
        var (_, _, otherSecret) = await _app.CreateOtherTeamAsync();

        var first = await keys[0].PostGraphQLAsync(SixtyOneFields);
        using var second = await keys[1].PostAsync("/graphql", new StringContent(
            System.Text.Json.JsonSerializer.Serialize(new { query = SixtyOneFields }), System.Text.Encoding.UTF8, "application/json"));
        var secondBody = await second.Content.ReadAsStringAsync();
        var other = await _app.CreateClient(otherSecret).PostGraphQLAsync(SixtyOneFields);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.True(int.Parse(second.Headers.GetValues("Retry-After").Single()) >= 1);
        Assert.Contains("RATE_LIMITED", secondBody);
        Assert.Contains("FieldsPerSecondPerTeam", secondBody);
        Assert.Equal(HttpStatusCode.OK, other.Status);
    }

    [Fact]
    public async Task Fresh_keys_of_one_team_share_its_request_bucket_while_another_team_goes_on()
    {
        // Creating the keys spends three of the team's eight requests; the bucket refills one per second.
        var keys = await FreshKeysAsync(3);
        var (_, _, otherSecret) = await _app.CreateOtherTeamAsync();

        // Eighteen at once over three fresh keys, each far inside its own bucket of 1,000.
        var answers = await Task.WhenAll(Enumerable.Range(0, 18).Select(i =>
            keys[i % 3].PostAsync("/graphql", new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"))));
        var other = await _app.CreateClient(otherSecret).PostGraphQLAsync("{ __typename }");

        // Admitted requests may still wait for one of the team's places and, on a loaded machine, get 503.
        Assert.InRange(answers.Count(a => a.StatusCode != HttpStatusCode.TooManyRequests), 1, 17);
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.ServiceUnavailable }));
        Assert.Contains("RATE_LIMITED", await answers.First(a => a.StatusCode == HttpStatusCode.TooManyRequests).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, other.Status);
    }
}
