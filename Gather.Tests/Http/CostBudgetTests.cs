using System.Net;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>A key pays for the fields its documents select, not only for its requests, so a few large documents cannot buy unbounded work.</summary>
public sealed class CostBudgetTests : IDisposable
{
    private readonly GatherApiFactory _app = new(new Dictionary<string, string?>
    {
        ["Gather:GraphQL:FieldsPerSecondPerKey"] = "1",
        ["Gather:GraphQL:FieldsBurstPerKey"] = "100",
    });

    public void Dispose() => _app.Dispose();

    // 61 field selections: within every document limit, and within the request-rate limit many times over.
    private static readonly string SixtyOneFields = "{ viewer { " + string.Concat(Enumerable.Range(0, 60).Select(i => $"s{i}: scopes ")) + "} }";

    [Fact]
    public async Task A_key_that_spent_its_field_budget_gets_429_with_retry_after_while_other_keys_go_on()
    {
        var admin = _app.CreateClient(GatherApiFactory.AdminKey);
        var (_, _, otherSecret) = await _app.CreateOtherTeamAsync();

        var first = await admin.PostGraphQLAsync(SixtyOneFields);
        using var second = await admin.PostAsync("/graphql", new StringContent(
            System.Text.Json.JsonSerializer.Serialize(new { query = SixtyOneFields }), System.Text.Encoding.UTF8, "application/json"));
        var secondBody = await second.Content.ReadAsStringAsync();
        var small = await admin.PostGraphQLAsync("{ __typename }");
        var other = await _app.CreateClient(otherSecret).PostGraphQLAsync(SixtyOneFields);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Null(first.Errors);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.True(int.Parse(second.Headers.GetValues("Retry-After").Single()) >= 1);
        Assert.Contains("RATE_LIMITED", secondBody);
        Assert.Contains("FieldsPerSecondPerKey", secondBody);
        // What is left of the budget still buys a small document.
        Assert.Equal(HttpStatusCode.OK, small.Status);
        Assert.Equal(HttpStatusCode.OK, other.Status);
    }

    [Fact]
    public async Task A_refused_document_is_not_charged()
    {
        var admin = _app.CreateClient(GatherApiFactory.AdminKey);

        // Refused by the document limits before the budget is touched: the next document still fits.
        var refused = await admin.PostGraphQLAsync("{ " + string.Concat(Enumerable.Repeat("__typename ", 5_000)) + "}");
        var next = await admin.PostGraphQLAsync(SixtyOneFields);

        Assert.Equal(["MAX_FIELDS_EXCEEDED"], refused.ErrorCodes);
        Assert.Equal(HttpStatusCode.OK, next.Status);
    }
}
