using System.Net;
using Gather.Api.GraphQL;
using Gather.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gather.Tests.Http;

/// <summary>
/// A team runs at most Gather:GraphQL:MaxConcurrentExecutionsPerTeam operations at once; past that
/// a few wait in line, and the rest get 503 with Retry-After, while other teams go on. The tests hold
/// the team's only place themselves, so nothing depends on timing.
/// </summary>
public sealed class TeamConcurrencyTests
{
    [Fact]
    public async Task A_team_at_its_limit_gets_503_with_retry_after_while_another_team_runs()
    {
        using var app = new GatherApiFactory(new Dictionary<string, string?>
        {
            ["Gather:GraphQL:MaxConcurrentExecutionsPerTeam"] = "1", ["Gather:GraphQL:ConcurrencyWaitMilliseconds"] = "0",
        });
        var admin = app.CreateClient(GatherApiFactory.AdminKey);
        var (_, _, otherSecret) = await app.CreateOtherTeamAsync();
        var teamId = (await admin.PostGraphQLAsync("{ viewer { team { id } } }")).Data!["viewer"]!["team"]!["id"]!.GetValue<string>();
        var slots = app.Services.GetRequiredService<TeamExecutionSlots>();

        GraphQLResponse refused, other;
        string? retryAfter;
        using (await slots.EnterAsync(teamId, CancellationToken.None))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"),
            };
            using var response = await admin.SendAsync(request);
            retryAfter = response.Headers.TryGetValues("Retry-After", out var values) ? values.Single() : null;
            refused = new GraphQLResponse(response.StatusCode, null, System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
            other = await app.CreateClient(otherSecret).PostGraphQLAsync("{ __typename }");
        }
        var afterwards = await admin.PostGraphQLAsync("{ __typename }");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Equal(["TOO_MANY_CONCURRENT_OPERATIONS"], refused.ErrorCodes);
        Assert.Equal("1", retryAfter);
        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.Equal(HttpStatusCode.OK, afterwards.Status);
        Assert.Equal(0, slots.InUse(teamId));
    }

    [Fact]
    public async Task A_client_that_leaves_while_waiting_gives_up_its_wait()
    {
        using var app = new GatherApiFactory(new Dictionary<string, string?>
        {
            ["Gather:GraphQL:MaxConcurrentExecutionsPerTeam"] = "1", ["Gather:GraphQL:ConcurrencyWaitMilliseconds"] = "60000",
        });
        var admin = app.CreateClient(GatherApiFactory.AdminKey);
        var teamId = (await admin.PostGraphQLAsync("{ viewer { team { id } } }")).Data!["viewer"]!["team"]!["id"]!.GetValue<string>();
        var slots = app.Services.GetRequiredService<TeamExecutionSlots>();
        using var held = await slots.EnterAsync(teamId, CancellationToken.None);

        using var leaving = new CancellationTokenSource();
        var waiting = admin.PostAsync("/graphql", new StringContent("""{"query":"{ __typename }"}""", System.Text.Encoding.UTF8, "application/json"), leaving.Token);
        var queued = await Eventually(() => slots.InUse(teamId) == 2);
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        var released = await Eventually(() => slots.InUse(teamId) == 1);

        Assert.True(queued, "The request never queued for the team's place.");
        Assert.True(released, "The request kept waiting after its client left.");
    }

    [Fact]
    public async Task Operations_sent_together_wait_their_turn_and_one_past_the_line_is_refused_at_once()
    {
        using var app = new GatherApiFactory(new Dictionary<string, string?>
        {
            ["Gather:GraphQL:MaxConcurrentExecutionsPerTeam"] = "1", ["Gather:GraphQL:MaxWaitingExecutionsPerTeam"] = "2",
            ["Gather:GraphQL:ConcurrencyWaitMilliseconds"] = "60000",
        });
        var admin = app.CreateClient(GatherApiFactory.AdminKey);
        var teamId = (await admin.PostGraphQLAsync("{ viewer { team { id } } }")).Data!["viewer"]!["team"]!["id"]!.GetValue<string>();
        var slots = app.Services.GetRequiredService<TeamExecutionSlots>();

        GraphQLResponse refused;
        Task<GraphQLResponse> first, second;
        bool lined;
        using (await slots.EnterAsync(teamId, CancellationToken.None))
        {
            first = admin.PostGraphQLAsync("{ __type(name: \"__Schema\") { name } }");
            second = admin.PostGraphQLAsync("{ __type(name: \"__Type\") { name } }");
            lined = await Eventually(() => slots.InUse(teamId) == 3);
            // The line is full: this one is refused without waiting for the minute.
            refused = await admin.PostGraphQLAsync("{ __typename }");
            Assert.False(first.IsCompleted || second.IsCompleted, "An operation ran while the team's only place was held.");
        }
        var answers = await Task.WhenAll(first, second);

        Assert.True(lined, "The two operations never waited in line.");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Equal(["TOO_MANY_CONCURRENT_OPERATIONS"], refused.ErrorCodes);
        Assert.Equal(["__Schema", "__Type"], answers.Select(a => a.Data!["__type"]!["name"]!.GetValue<string>()));
        Assert.Equal(0, slots.InUse(teamId));
    }

    [Fact]
    public async Task A_team_s_schema_is_built_while_its_first_operation_waits_for_a_place()
    {
        // An IDE's first probes arrive together on a team with no schema built yet: the one waiting
        // for a place builds it meanwhile, so a place is never held while the schema is built.
        using var app = new GatherApiFactory(new Dictionary<string, string?>
        {
            ["Gather:GraphQL:MaxConcurrentExecutionsPerTeam"] = "1", ["Gather:GraphQL:ConcurrencyWaitMilliseconds"] = "0",
        });
        var (teamId, _, secret) = await app.CreateOtherTeamAsync();
        var other = app.CreateClient(secret);
        var slots = app.Services.GetRequiredService<TeamExecutionSlots>();

        GraphQLResponse refused;
        using (await slots.EnterAsync(teamId, CancellationToken.None))
            refused = await other.PostGraphQLAsync("{ __typename }");
        var first = await other.PostGraphQLAsync("{ __typename }");
        var warm = await other.PostGraphQLAsync("{ __typename }");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        // The first operation to run found the schema built: it read only its key, as a warm one does.
        Assert.Equal(warm.StoreRoundTrips, first.StoreRoundTrips);
        Assert.True(refused.StoreRoundTrips > warm.StoreRoundTrips, "The refused operation did not build the team's schema.");
    }

    /// <summary>Whether the condition holds within a few seconds (it is checked, not timed).</summary>
    private static async Task<bool> Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
            await Task.Delay(10);
        return condition();
    }
}
