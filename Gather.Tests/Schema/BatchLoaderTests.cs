using Gather.Schema.Loading;

namespace Gather.Tests.Schema;

/// <summary>The batch loader: keys loaded before the first result is asked for go in one fetch; results are cached.</summary>
public sealed class BatchLoaderTests
{
    [Fact]
    public async Task Keys_loaded_together_are_fetched_once_and_cached_for_later_loads()
    {
        var fetches = new List<string[]>();
        var loader = new BatchLoader<string, string>((keys, _) =>
        {
            fetches.Add(keys.ToArray());
            return Task.FromResult<IReadOnlyDictionary<string, string>>(keys.Where(k => k != "missing").ToDictionary(k => k, k => k.ToUpperInvariant()));
        }, missing: "none");

        var a = loader.Load("a");
        var b = loader.Load("b");
        var again = loader.Load("a");
        var missing = loader.Load("missing");
        var results = new[] { await a.GetResultAsync(), await b.GetResultAsync(), await again.GetResultAsync(), await missing.GetResultAsync() };
        var later = await loader.Load("b").GetResultAsync();
        var next = await loader.Load("c").GetResultAsync();

        Assert.Equal(["A", "B", "A", "none"], results);
        Assert.Equal("B", later);
        Assert.Equal("C", next);
        Assert.Equal([["a", "b", "missing"], ["c"]], fetches);
    }

    [Fact]
    public async Task A_failed_fetch_fails_every_key_of_its_batch()
    {
        var loader = new BatchLoader<int, int>((_, _) => throw new InvalidOperationException("store down"), missing: 0);

        var first = loader.Load(1);
        var second = loader.Load(2);

        Assert.Equal("store down", (await Assert.ThrowsAsync<InvalidOperationException>(() => first.GetResultAsync())).Message);
        Assert.Equal("store down", (await Assert.ThrowsAsync<InvalidOperationException>(() => second.GetResultAsync())).Message);
    }
}
