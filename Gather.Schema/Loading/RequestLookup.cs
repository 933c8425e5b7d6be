namespace Gather.Schema.Loading;

/// <summary>
/// A value read at most once per request (the team's models, its Stripe key, …): the first
/// caller starts the read and every later one shares its task. Not batched: there is one value.
/// </summary>
public abstract class RequestLookup<T>(Func<Task<T>> load)
{
    private readonly Lazy<Task<T>> _value = new(load);

    public Task<T> LoadAsync() => _value.Value;
}
