using GraphQL.DataLoader;

namespace Gather.Schema.Loading;

/// <summary>
/// A batch loader on graphql-dotnet's <see cref="IDataLoaderResult"/> (its DataLoader package
/// is not obtainable here). Resolvers at one level of a query each <see cref="Load"/> a key and
/// return the pending result; the execution strategy asks for results only once every sibling
/// has resolved, and the first request fetches all the keys collected so far in one call.
/// Results stay cached for the request, so a key is fetched at most once. Gather's loaders
/// derive from it, one class per thing loaded (<see cref="Records.RecordsByKeyLoader"/>, …), and live in
/// the request's <see cref="RequestLoaders"/>.
/// </summary>
public class BatchLoader<TKey, TValue>(
    Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
    TValue missing,
    IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, TaskCompletionSource<TValue>> _results = new(comparer);
    private List<TKey> _pending = [];

    public IDataLoaderResult<TValue> Load(TKey key)
    {
        lock (_gate)
        {
            if (!_results.TryGetValue(key, out var result))
            {
                _results[key] = result = new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
                _pending.Add(key);
            }
            return new PendingResult(this, result.Task);
        }
    }

    /// <summary>Holds <paramref name="value"/> for <paramref name="key"/>, read with something else, so loading it fetches nothing; a key already asked for keeps its result.</summary>
    public void Prime(TKey key, TValue value)
    {
        lock (_gate)
        {
            if (_results.ContainsKey(key))
                return;
            var result = new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
            result.SetResult(value);
            _results[key] = result;
        }
    }

    /// <summary>Fetches the keys collected since the last batch, if any; waits for that fetch.</summary>
    private Task DispatchAsync(CancellationToken cancellationToken)
    {
        List<TKey> batch;
        lock (_gate)
        {
            if (_pending.Count == 0)
                return Task.CompletedTask;
            batch = _pending;
            _pending = [];
        }
        return FetchAsync(batch, cancellationToken);
    }

    private async Task FetchAsync(List<TKey> batch, CancellationToken cancellationToken)
    {
        try
        {
            var values = await fetch(batch, cancellationToken);
            foreach (var key in batch)
                Result(key).TrySetResult(values.TryGetValue(key, out var value) ? value : missing);
        }
        catch (OperationCanceledException e)
        {
            foreach (var key in batch)
                Result(key).TrySetCanceled(e.CancellationToken);
        }
        catch (Exception e)
        {
            foreach (var key in batch)
                Result(key).TrySetException(e);
        }
    }

    private TaskCompletionSource<TValue> Result(TKey key)
    {
        lock (_gate)
            return _results[key];
    }

    private sealed class PendingResult(BatchLoader<TKey, TValue> loader, Task<TValue> result) : IDataLoaderResult<TValue>
    {
        public async Task<TValue> GetResultAsync(CancellationToken cancellationToken = default)
        {
            await loader.DispatchAsync(cancellationToken);
            return await result.WaitAsync(cancellationToken);
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
