using System.Net.Http.Json;
using System.Text;
using Gather.Infrastructure.Security;
using Gather.Schema.Common;
using Gather.Schema.Typed;
using Gather.Tests.Support;
using GraphQL;
using GraphQL.Execution;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gather.Tests.Schema;

/// <summary>
/// A typed record whose selection reads only from the record is written in one pass
/// (<see cref="RecordProjection"/>). These tests hold that path to graphql-dotnet's ordinary,
/// field-by-field execution: the same requests against the same database, with and without it,
/// must answer byte for byte alike, over values of every kind, wrong kinds, escapes, missing
/// fields, aliases, fragments, directives and mixed selections.
/// </summary>
public sealed class RecordProjectionTests : IDisposable
{
    private readonly GatherApiFactory _app = new();

    public void Dispose() => _app.Dispose();

    // Values that fit the types declared after this sync, values of other kinds (a declaration
    // does not rewrite stored records), edge numbers and strings.
    private const string Records = """
        [
          { "id": "e1", "s": "plain", "n": 42, "f": 1.5, "b": true, "at": "2026-11-01T10:00:00Z", "j": { "a": [1, 2.50, "x"] }, "extra": 1 },
          { "id": "e2", "s": "tab\there \u00e9 \ud83d\ude00 \"quoted\" <b>&", "n": 5.0, "f": 10, "b": false, "at": "2026-11-02T10:00:00+02:00", "j": "text" },
          { "id": "e3", "s": 12, "n": "7", "f": "1.5", "b": "true", "at": "not a date", "j": null },
          { "id": "e4", "n": 3000000000, "f": 1e3, "at": 1234, "j": [true, null] },
          { "id": "e5", "s": null, "n": -2147483648, "f": -0.0, "b": null, "at": "2026-11-05", "j": 12.50 },
          { "j": false, "b": true, "id": "e6", "n": 2147483647, "s": "reordered", "f": 3.14159265358979 }
        ]
        """;

    private async Task<string> SeedAsync()
    {
        var admin = _app.CreateClient(GatherApiFactory.AdminKey);
        var model = (await admin.PostGraphQLAsync("""mutation { createModel(input: { name: "Samples", idField: "id" }) { model { id } } }"""))
            .Data!["createModel"]!["model"]!["id"]!.GetValue<string>();
        // Synced while every field takes any value (declared JSON), so that values of other kinds are stored too.
        var open = await admin.PostGraphQLAsync("""
            mutation($m: ID!) { declareModelFields(input: { id: $m, fields: [
              { path: "s", type: JSON }, { path: "n", type: JSON }, { path: "f", type: JSON },
              { path: "b", type: JSON }, { path: "at", type: JSON }, { path: "j", type: JSON }] }) { errors { message } } }
            """, new { m = model });
        Assert.Null(open.Data!["declareModelFields"]!["errors"]);
        using (var synced = await admin.PostAsync($"/models/{model}/records", new StringContent(Records, Encoding.UTF8, "application/json")))
            Assert.DoesNotContain("\"rule\"", await synced.Content.ReadAsStringAsync());
        var declared = await admin.PostGraphQLAsync("""
            mutation($m: ID!) { declareModelFields(input: { id: $m, fields: [
              { path: "s", type: STRING }, { path: "n", type: INT }, { path: "f", type: FLOAT },
              { path: "b", type: BOOLEAN }, { path: "at", type: DATE_TIME }, { path: "j", type: JSON }] }) { errors { message } } }
            """, new { m = model });
        Assert.Null(declared.Data!["declareModelFields"]!["errors"]);
        var related = await admin.PostGraphQLAsync("""
            mutation($m: ID!) { createRelationship(input: { fromModelId: $m, fromField: "s", toModelId: $m, toField: "s", name: "sameS", inverseName: "sameSBack" }) { errors { message } } }
            """, new { m = model });
        Assert.Null(related.Data!["createRelationship"]!["errors"]);
        return model;
    }

    public static TheoryData<string> Selections() =>
    [
        "{ samples(order: [{ id: ASC }]) { nodes { id createdAt updatedAt __typename s n f b at j extra } } }",
        "{ samples(order: [{ id: ASC }]) { nodes { ...Values again: n s2: s id @include(if: true) b @skip(if: true) } } } fragment Values on Samples { j at f n }",
        "{ samples(order: [{ id: DESC }], first: 3) { edges { cursor node { id s n f } } pageInfo { hasNextPage } } }",
        """{ samplesById(id: "e2") { id s at j } missing: samplesById(id: "nope") { id } }""",
        // A relationship in the selection: it executes, the other fields are projected one by one.
        "{ samples(order: [{ id: ASC }]) { nodes { id s n sameS(order: [{ id: ASC }]) { nodes { id } } } } }",
        "{ samples(order: [{ id: ASC }]) { nodes { __typename ...Values again: n sameS(first: 1) { totalCount } id @skip(if: false) b } } } fragment Values on Samples { j at f createdAt }",
        "{ samples(order: [{ id: DESC }]) { edges { node { updatedAt s sameSBack { totalCount } n } } } }",
        // A typed record under a relationship, projected again.
        "{ samples(order: [{ id: ASC }], first: 2) { nodes { id sameSBack(order: [{ id: ASC }]) { nodes { id n f } } } } }",
    ];

    [Theory]
    [MemberData(nameof(Selections))]
    public async Task Projected_and_executed_records_are_written_alike(string query)
    {
        await SeedAsync();
        using var ordinary = _app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.RemoveAll<ExecutionStrategyRegistration>()));

        var projected = await PostAsync(_app.CreateClient(GatherApiFactory.AdminKey), query);
        var executed = await PostAsync(Authorized(ordinary.CreateClient()), query);

        // Stored values of another kind than their field's are errors at their paths on both paths, in the same order.
        Assert.Equal(executed, projected);
    }

    [Fact]
    public async Task Values_read_as_their_field_types_read_them()
    {
        await SeedAsync();
        var body = await PostAsync(_app.CreateClient(GatherApiFactory.AdminKey),
            "{ samples(order: [{ id: ASC }]) { nodes { id s n f b at j } } }");

        // Wrong kinds and out-of-range numbers read as null, each with an error at its path; DateTime keeps the offset it was stored with.
        var at = body.IndexOf(",\"data\":", StringComparison.Ordinal);
        var (errors, data) = (body[..at], body[(at + 1)..]);
        Assert.Equal(
            "\"data\":{\"samples\":{\"nodes\":[" +
            """{"id":"e1","s":"plain","n":42,"f":1.5,"b":true,"at":"2026-11-01T10:00:00\u002B00:00","j":{"a":[1,2.5,"x"]}},""" +
            """{"id":"e2","s":"tab\there \u00E9 \uD83D\uDE00 \u0022quoted\u0022 \u003Cb\u003E\u0026","n":5,"f":10,"b":false,"at":"2026-11-02T10:00:00\u002B02:00","j":"text"},""" +
            """{"id":"e3","s":null,"n":null,"f":null,"b":null,"at":null,"j":null},""" +
            """{"id":"e4","s":null,"n":null,"f":1000,"b":null,"at":null,"j":[true,null]},""" +
            """{"id":"e5","s":null,"n":-2147483648,"f":0,"b":null,"at":"2026-11-05T00:00:00\u002B00:00","j":12.5},""" +
            """{"id":"e6","s":"reordered","n":2147483647,"f":3.14159265358979,"b":true,"at":null,"j":false}]}}}""",
            data);
        var response = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        Assert.Equal(
            ["2 s STRING", "2 n INT", "2 f FLOAT", "2 b BOOLEAN", "2 at DATETIME", "3 n INT", "3 at DATETIME"],
            response["errors"]!.AsArray().Select(e => $"{e!["path"]![2]} {e["path"]![3]} {e["extensions"]!["expectedType"]}"));
        Assert.All(response["errors"]!.AsArray(), e => Assert.Equal("STORED_VALUE_MISMATCH", e!["extensions"]!["code"]!.GetValue<string>()));
        Assert.StartsWith("{\"errors\":[", errors);
    }

    [Fact]
    public async Task A_page_of_plain_fields_is_one_projected_node_per_record_and_other_fields_still_execute()
    {
        await SeedAsync();
        var team = (await _app.CreateClient(GatherApiFactory.AdminKey).PostGraphQLAsync("{ viewer { team { id } } }"))
            .Data!["viewer"]!["team"]!["id"]!.GetValue<string>();
        var schema = await _app.Services.GetRequiredService<TeamSchemaCache>().GetAsync(team, CancellationToken.None);
        using var scope = _app.Services.CreateScope();

        async Task<List<ExecutionNode>> RecordNodesAsync(string query)
        {
            var result = await scope.ServiceProvider.GetRequiredService<IDocumentExecuter>().ExecuteAsync(options =>
            {
                options.Schema = schema;
                options.Query = query;
                options.UserContext = new GatherUserContext(new Caller(team, "test", [ApiKeyScope.Read]));
                options.RequestServices = scope.ServiceProvider;
            });
            // The stored values of other kinds are errors; the nodes are what is looked at here.
            Assert.All(result.Errors ?? [], e => Assert.IsType<StoredValueError>(e));
            var nodes = (ArrayExecutionNode)((ObjectExecutionNode)((ObjectExecutionNode)result.Data!).SubFields![0]).SubFields![0];
            return nodes.Items!;
        }

        var plain = await RecordNodesAsync("{ samples { nodes { id s n } } }");
        var mixed = await RecordNodesAsync("{ samples { nodes { id s sameS { totalCount } } } }");

        Assert.Equal(6, plain.Count);
        Assert.All(plain, node => Assert.IsType<RecordProjectionNode>(node));
        // With a relationship, the record executes it; its other fields are still only written.
        Assert.All(mixed, node => Assert.Equal([typeof(ProjectedFieldNode), typeof(ProjectedFieldNode), typeof(ObjectExecutionNode)],
            Assert.IsType<ObjectExecutionNode>(node).SubFields!.Select(f => f.GetType())));
    }

    private static HttpClient Authorized(HttpClient client)
    {
        client.DefaultRequestHeaders.Add("Authorization", "Token " + GatherApiFactory.AdminKey);
        return client;
    }

    private static async Task<string> PostAsync(HttpClient client, string query)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query });
        return await response.Content.ReadAsStringAsync();
    }
}
