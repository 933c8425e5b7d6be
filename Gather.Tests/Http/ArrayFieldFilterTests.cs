using System.Net.Http.Json;
using Gather.Tests.Support;

namespace Gather.Tests.Http;

/// <summary>
/// A filter on a field holding arrays matches when any element does, also now that SQLite
/// leaves the element test out for paths the model's catalogue has never seen an array at (so
/// an index can serve them): what the catalogue says decides, per path, before each query.
/// </summary>
public sealed class ArrayFieldFilterTests : IDisposable
{
    private readonly GatherApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private HttpClient Admin => _factory.CreateClient(GatherApiFactory.AdminKey);

    private async Task<string> CreateModelAsync(string name) =>
        (await Admin.PostGraphQLAsync("mutation($n: String!) { createModel(input: { name: $n, idField: \"id\" }) { model { id } } }", new { n = name }))
        .Data!["createModel"]!["model"]!["id"]!.GetValue<string>();

    private async Task<string[]> KeysAsync(string model, object where)
    {
        var result = await Admin.PostGraphQLAsync(
            "query($m: ID!, $w: RecordFilterInput) { records(modelId: $m, where: $w, order: [{ field: \"id\" }]) { nodes { id } } }",
            new { m = model, w = where });
        Assert.True(result.Errors is null, result.Errors?.ToJsonString());
        return result.Data!["records"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToArray();
    }

    [Fact]
    public async Task Elements_match_on_array_paths_and_scalar_paths_match_their_value_before_and_after_arrays_arrive()
    {
        var posts = await CreateModelAsync("Posts");
        (await Admin.PostAsJsonAsync($"/models/{posts}/records", new object[]
        {
            new { id = "p1", tags = new[] { "red", "blue" }, status = "live" },
            new { id = "p2", tags = new[] { "green" }, status = "draft" },
        })).EnsureSuccessStatusCode();

        var red = await KeysAsync(posts, new { field = "tags", eq = "red" });
        var notRed = await KeysAsync(posts, new { field = "tags", neq = "red" });
        var live = await KeysAsync(posts, new { field = "status", eq = "live" });
        var startsWithGr = await KeysAsync(posts, new { field = "tags", startsWith = "gr" });

        Assert.Equal(["p1"], red);
        Assert.Equal(["p2"], notRed);
        Assert.Equal(["p1"], live);
        Assert.Equal(["p2"], startsWithGr);
    }
}
