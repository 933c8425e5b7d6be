using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gather.Infrastructure.Records.Querying;
using Gather.Schema.Errors;
using Gather.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Gather.Tests.Http;

/// <summary>
/// Query inputs at their edges through the real pipeline on SQLite: empty and full
/// <c>in</c>/<c>nin</c> lists, forged cursors, and what an unexpected failure shows a caller.
/// </summary>
public sealed class QueryInputTests : IDisposable
{
    private readonly GatherApiFactory _app = new(new Dictionary<string, string?>
    {
        [GatherApiFactory.SchedulerEnabled] = "false", ["Gather:RateLimits:Enabled"] = "false",
    });

    public void Dispose() => _app.Dispose();

    private HttpClient Admin => _app.CreateClient(GatherApiFactory.AdminKey);

    private async Task<string> OrdersAsync()
    {
        var id = (await Admin.PostGraphQLAsync("""mutation { createModel(input: { name: "Orders", idField: "id" }) { model { id } } }"""))
            .Data!["createModel"]!["model"]!["id"]!.GetValue<string>();
        (await Admin.PostAsJsonAsync($"/models/{id}/records", new object[]
        {
            new { id = "1", amount = 75, status = "paid" }, new { id = "2", amount = 20, status = "open" }, new { id = "3", amount = 5.5, status = "void" },
        })).EnsureSuccessStatusCode();
        return id;
    }

    private static JsonArray Values(int count, params JsonNode[] wanted) =>
        new(Enumerable.Range(0, count - wanted.Length).Select(i => (JsonNode)JsonValue.Create($"other {i}")!).Concat(wanted).ToArray());

    [Fact]
    public async Task An_empty_in_matches_nothing_and_an_empty_nin_everything_in_both_APIs()
    {
        var orders = await OrdersAsync();

        var response = await Admin.PostGraphQLAsync("""
            query($m: ID!) {
              none: records(modelId: $m, where: { field: "status", in: [] }) { totalCount nodes { id } }
              all: records(modelId: $m, where: { field: "status", nin: [] }) { totalCount }
              typedNone: orders(where: { amount: { in: [] } }) { totalCount }
              typedAll: orders(where: { status: { nin: [] } }) { totalCount }
            }
            """, new { m = orders });

        Assert.Null(response.Errors);
        Assert.Equal("""{"none":{"totalCount":0,"nodes":[]},"all":{"totalCount":3},"typedNone":{"totalCount":0},"typedAll":{"totalCount":3}}""",
            response.Data!.ToJsonString());
    }

    [Fact]
    public async Task An_in_list_at_the_limit_works_and_one_value_more_is_refused_naming_the_limit()
    {
        var orders = await OrdersAsync();
        const string query = "query($m: ID!, $w: RecordFilterInput) { records(modelId: $m, where: $w) { totalCount } }";

        var full = await Admin.PostGraphQLAsync(query, new { m = orders, w = new JsonObject { ["field"] = "status", ["in"] = Values(500, "paid", "void") } });
        var fullNin = await Admin.PostGraphQLAsync(query, new { m = orders, w = new JsonObject { ["field"] = "status", ["nin"] = Values(500, "paid") } });
        var over = await Admin.PostGraphQLAsync(query, new { m = orders, w = new JsonObject { ["field"] = "status", ["in"] = Values(501, "paid") } });
        var typedOver = await Admin.PostGraphQLAsync("query($v: [Float]) { orders(where: { amount: { nin: $v } }) { totalCount } }",
            new { v = Enumerable.Range(0, 501).ToArray() });

        Assert.Null(full.Errors);
        Assert.Equal(2, full.Data!["records"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(2, fullNin.Data!["records"]!["totalCount"]!.GetValue<int>());
        foreach (var refused in new[] { over, typedOver })
        {
            var error = Assert.Single(refused.Errors!)!;
            Assert.Equal("INVALID_ARGUMENT", error["extensions"]!["code"]!.GetValue<string>());
            Assert.Equal("maxLength", error["extensions"]!["rule"]!.GetValue<string>());
            Assert.Contains("Gather:Query:MaxInValues", error["message"]!.GetValue<string>());
        }
        Assert.Equal("where.in", over.Errors![0]!["extensions"]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_forged_cursor_is_an_invalid_argument_naming_after_or_before()
    {
        var orders = await OrdersAsync();
        var wrong = new List<string>();
        var forgeries = ForgedCursors.For([]).ToList();

        foreach (var (forgery, cursor) in forgeries)
        {
            var response = await Admin.PostGraphQLAsync("""
                query($m: ID!, $c: String) {
                  forward: records(modelId: $m, first: 2, after: $c) { totalCount }
                  backward: records(modelId: $m, last: 2, before: $c) { totalCount }
                  typed: orders(first: 2, after: $c) { totalCount }
                }
                """, new { m = orders, c = cursor });
            var named = response.Errors?.Select(e => (e!["extensions"]!["code"]!.GetValue<string>(), e["extensions"]!["field"]?.GetValue<string>(),
                e["message"]!.GetValue<string>().StartsWith($"`{e["extensions"]!["field"]}`", StringComparison.Ordinal))).ToList() ?? [];
            if (response.Status != HttpStatusCode.OK
                || !named.SequenceEqual([("INVALID_ARGUMENT", "after", true), ("INVALID_ARGUMENT", "before", true), ("INVALID_ARGUMENT", "after", true)]))
                wrong.Add($"{forgery}: {(int)response.Status} {response.Body.ToJsonString()}");
        }

        Assert.Empty(wrong);
        Assert.True(forgeries.Count > 50, $"only {forgeries.Count} forgeries");
    }

    [Fact]
    public async Task A_cursor_from_a_page_still_works_beside_the_forgeries()
    {
        var orders = await OrdersAsync();
        var first = await Admin.PostGraphQLAsync("query($m: ID!) { records(modelId: $m, first: 1) { pageInfo { endCursor } } }", new { m = orders });
        var cursor = first.Data!["records"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var next = await Admin.PostGraphQLAsync("query($m: ID!, $c: String) { records(modelId: $m, first: 5, after: $c) { nodes { id } } }", new { m = orders, c = cursor });

        Assert.Null(next.Errors);
        Assert.Equal("""[{"id":"2"},{"id":"3"}]""", next.Data!["records"]!["nodes"]!.ToJsonString());
        Assert.NotNull(RecordCursor.TryDecode(cursor, [], out _));
    }

    [Fact]
    public async Task An_unexpected_failure_answers_INTERNAL_ERROR_and_names_neither_store_nor_exception()
    {
        await OrdersAsync();
        // A fault no input explains: the views table is gone from under the running server.
        await using (var connection = new SqliteConnection($"Data Source={_app.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE views RENAME TO views_gone;";
            await command.ExecuteNonQueryAsync();
        }

        var response = await Admin.PostGraphQLAsync("{ views { id } }");
        var models = await Admin.PostGraphQLAsync("{ models { name } }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var error = Assert.Single(response.Errors!)!;
        Assert.Equal("""{"code":"INTERNAL_ERROR"}""", error["extensions"]!.ToJsonString());
        Assert.Equal(GatherErrorInfoProvider.InternalErrorMessage, error["message"]!.GetValue<string>());
        Assert.DoesNotContain("sqlite", response.Body.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("views_gone", response.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(3, models.Data!["models"]!.AsArray().Count);
    }
}
