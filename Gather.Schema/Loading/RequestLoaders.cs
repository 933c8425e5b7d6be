using System.Collections.Concurrent;

namespace Gather.Schema.Loading;

/// <summary>
/// The loaders of one GraphQL request, so what they load is shared by every resolver of the
/// request and by nothing else. Each loader is a class named for what it loads (e.g.
/// <see cref="TeamModelsLoader"/>, <see cref="Records.RecordsByKeyLoader"/>), created on first
/// use; a loader whose fetch depends on more than its keys (the model, the field's arguments)
/// has one instance per <c>partition</c>. Keyed by the loader's type, so a feature adds a loader
/// without touching this class and two loaders can never share an entry.
/// </summary>
public sealed class RequestLoaders
{
    private static readonly object Whole = new();

    private readonly ConcurrentDictionary<(Type Loader, object Partition), object> _loaders = new();

    /// <summary>The request's <typeparamref name="TLoader"/>, created by <paramref name="create"/> on first use.</summary>
    public TLoader Get<TLoader>(Func<TLoader> create) where TLoader : class => Get(Whole, create);

    /// <summary>The request's <typeparamref name="TLoader"/> for <paramref name="partition"/>, created by <paramref name="create"/> on first use.</summary>
    public TLoader Get<TLoader>(object partition, Func<TLoader> create) where TLoader : class =>
        (TLoader)_loaders.GetOrAdd((typeof(TLoader), partition), static (_, create) => create(), create);
}
