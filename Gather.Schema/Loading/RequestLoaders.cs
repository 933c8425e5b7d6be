using System.Collections.Concurrent;

namespace Gather.Schema.Loading;

/// <summary>
/// The loaders and once-per-request lookups of one GraphQL request, so results are shared by
/// every resolver of the request and by nothing else.
/// </summary>
public sealed class RequestLoaders
{
    private readonly ConcurrentDictionary<object, object> _entries = new();

    /// <summary>The loader registered under <paramref name="key"/>, created on first use.</summary>
    public T GetOrAdd<T>(object key, Func<T> create) where T : class =>
        (T)_entries.GetOrAdd(key, static (_, create) => create(), create);

    /// <summary>Runs <paramref name="load"/> at most once per request for <paramref name="key"/>; later callers share the task.</summary>
    public Task<T> OnceAsync<T>(object key, Func<Task<T>> load) =>
        GetOrAdd(key, () => new Lazy<Task<T>>(load)).Value;
}
