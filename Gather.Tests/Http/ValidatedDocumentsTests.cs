using System.Net;
using Gather.Schema.Common;
using Gather.Tests.Support;
using static Gather.Tests.Http.IndexGraphQLTests;

namespace Gather.Tests.Http;

/// <summary>
/// A document a schema accepted skips the specification's rules when it comes again
/// (<see cref="ValidatedDocuments"/>); what depends on the request still runs every time.
/// Through the HTTP pipeline on the real SQLite store.
/// </summary>
public sealed class ValidatedDocumentsTests
{
    private const string Page = "query($m: ID!, $n: Int) { records(modelId: $m, first: $n) { nodes { id } } }";

    [Fact]
    public async Task A_document_sent_again_is_still_refused_when_its_variables_make_it_cost_too_much()
    {
        using var factory = new GatherApiFactory(new Dictionary<string, string?> { ["Gather:GraphQL:MaxComplexity"] = "20" });
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var orders = await OrdersAsync(admin, records: 3);

        var small = await admin.PostGraphQLAsync(Page, new { m = orders, n = 2 });
        var again = await admin.PostGraphQLAsync(Page, new { m = orders, n = 2 });
        var large = await admin.PostGraphQLAsync(Page, new { m = orders, n = 50 });

        Assert.Null(small.Errors);
        Assert.Equal(2, again.Data!["records"]!["nodes"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.BadRequest, large.Status);
        Assert.Contains("complexity", large.Errors![0]!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_document_sent_again_with_variables_of_the_wrong_type_is_refused_naming_the_variable()
    {
        using var factory = new GatherApiFactory();
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var orders = await OrdersAsync(admin, records: 3);

        await admin.PostGraphQLAsync(Page, new { m = orders, n = 2 });
        var wrong = await admin.PostGraphQLAsync(Page, new { m = orders, n = "two" });

        Assert.Null(wrong.Data);
        Assert.Contains("$n", wrong.Errors![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_one_team_schema_accepted_is_checked_again_against_another_teams()
    {
        using var factory = new GatherApiFactory();
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        await OrdersAsync(admin, records: 3);
        var (_, _, otherSecret) = await factory.CreateOtherTeamAsync();
        var other = factory.CreateClient(otherSecret);
        const string typed = "{ orders { nodes { id } } }";

        var ours = await admin.PostGraphQLAsync(typed);
        var theirs = await other.PostGraphQLAsync(typed);
        var theirsAgain = await other.PostGraphQLAsync(typed);

        Assert.Null(ours.Errors);
        // The other team has no Orders model, so its schema has no such field, however often it is asked.
        Assert.Equal(HttpStatusCode.BadRequest, theirs.Status);
        Assert.Equal(HttpStatusCode.BadRequest, theirsAgain.Status);
        Assert.Contains("orders", theirsAgain.Errors![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_a_schema_refused_is_refused_every_time()
    {
        using var factory = new GatherApiFactory();
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        const string typo = "{ viewer { team { nmae } } }";

        var first = await admin.PostGraphQLAsync(typo);
        var second = await admin.PostGraphQLAsync(typo);

        Assert.Equal(HttpStatusCode.BadRequest, first.Status);
        Assert.Equal(first.Body.ToJsonString(), second.Body.ToJsonString());
    }
}
