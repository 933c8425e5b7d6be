using Gather.Tests.Support;
using static Gather.Tests.Http.IndexGraphQLTests;

namespace Gather.Tests.Http;

/// <summary>
/// A document that reads one model's page and nothing else reads that model alone
/// (<see cref="Gather.Schema.Loading.DocumentReads"/>): it answers as a document reading more
/// does, and a model the team does not have, its own or another team's, is NOT_FOUND either way.
/// Through the HTTP pipeline on the real SQLite store.
/// </summary>
public sealed class OneModelPageTests
{
    private const string PageOnly = """query($m: ID!) { records(modelId: $m, where: { field: "status", eq: "paid" }) { nodes { id } totalCount } }""";
    private const string PageAndMore = """query($m: ID!) { records(modelId: $m, where: { field: "status", eq: "paid" }) { nodes { id } totalCount } viewer { team { id } } }""";

    [Fact]
    public async Task A_page_alone_and_a_page_with_more_answer_alike_and_another_teams_model_is_not_found_either_way()
    {
        using var factory = new GatherApiFactory();
        var admin = factory.CreateClient(GatherApiFactory.AdminKey);
        var orders = await OrdersAsync(admin, records: 4);
        var (_, _, otherSecret) = await factory.CreateOtherTeamAsync();
        var other = factory.CreateClient(otherSecret);

        var alone = await admin.PostGraphQLAsync(PageOnly, new { m = orders });
        var withMore = await admin.PostGraphQLAsync(PageAndMore, new { m = orders });
        var typo = await admin.PostGraphQLAsync(PageOnly, new { m = "model_nope" });
        var typoWithMore = await admin.PostGraphQLAsync(PageAndMore, new { m = "model_nope" });
        var theirs = await other.PostGraphQLAsync(PageOnly, new { m = orders });
        var theirsWithMore = await other.PostGraphQLAsync(PageAndMore, new { m = orders });

        Assert.Null(alone.Errors);
        Assert.Equal(2, alone.Data!["records"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(alone.Data["records"]!.ToJsonString(), withMore.Data!["records"]!.ToJsonString());
        foreach (var missing in new[] { typo, typoWithMore, theirs, theirsWithMore })
        {
            Assert.Equal(["NOT_FOUND"], missing.ErrorCodes);
            Assert.Null(missing.Data!["records"]);
        }
        Assert.Contains(orders, theirs.Errors![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
