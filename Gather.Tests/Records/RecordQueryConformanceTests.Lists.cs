using System.Text.Json.Nodes;
using Gather.Infrastructure.Records.Querying;

namespace Gather.Tests.Records;

/// <summary><c>in</c>/<c>nin</c> at their edges (<see cref="RecordQueryListCases"/>): the same answers on every adapter.</summary>
public abstract partial class RecordQueryConformanceTests
{
    [SkippableTheory]
    [MemberData(nameof(RecordQueryListCases.Names), MemberType = typeof(RecordQueryListCases))]
    public async Task List_case(string name)
    {
        var (_, team, model) = await SeededAsync();
        var c = RecordQueryListCases.Cases.Single(x => x.Name == name);
        var query = Build(c);

        var page = await team.Records.QueryAsync(model.Id, query, CancellationToken.None);
        var count = await team.Records.CountAsync(model.Id, query.Where, query.SearchTerms, CancellationToken.None);

        Assert.Equal(c.Expected, page.Records.Select(r => r.Key).ToArray());
        Assert.Equal(c.Expected.Length, count);
    }

    [SkippableFact]
    public async Task A_filter_of_many_full_lists_answers_like_its_parts()
    {
        // 40 lists of 500 values in one filter: 20,000 values, far past what one SQL expression
        // per value could hold. Each list holds one status; together they name four.
        var (_, team, model) = await SeededAsync();
        string[] statuses = ["void", "refunded", "PAID", "open"];
        var lists = Enumerable.Range(0, 40).Select(i => (JsonNode)new JsonObject
        {
            ["field"] = "status",
            ["in"] = new JsonArray(Enumerable.Range(0, RecordQueryListCases.MaxInValues - 1)
                .Select(j => (JsonNode)JsonValue.Create($"list {i} value {j}")!).Append(JsonValue.Create(statuses[i % statuses.Length])).ToArray()),
        }).ToArray();
        var where = new JsonObject { ["or"] = new JsonArray(lists) }.ToJsonString();
        var query = Build(new RecordQueryCases.Case("many_lists", where, []));

        var page = await team.Records.QueryAsync(model.Id, query, CancellationToken.None);

        Assert.Equal(["a03", "a04", "a05", "a07", "a08", "a10", "a12", "a14", "a16"], page.Records.Select(r => r.Key).ToArray());
    }

    [Fact]
    public void A_list_over_the_limit_is_refused_naming_the_limit()
    {
        var values = new JsonArray(Enumerable.Range(0, RecordQueryListCases.MaxInValues + 1).Select(i => (JsonNode)JsonValue.Create(i)!).ToArray());
        var where = new JsonObject { ["field"] = "amount", ["nin"] = values }.ToJsonString();

        var query = SeededRecordStore.QueryBuilder.Build(QueryJson.Filter(where), null, null, new PageInput(First: 10));

        var problem = Assert.IsType<Gather.Infrastructure.Validation.ValidationProblem>(Assert.Single(query.Problems));
        Assert.Equal(("where.nin", "maxLength"), (problem.Field, problem.Rule));
        Assert.Contains("Gather:Query:MaxInValues", problem.Message);
        Assert.Contains("500", problem.Message);
    }
}
