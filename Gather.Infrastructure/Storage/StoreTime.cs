namespace Gather.Infrastructure.Storage;

/// <summary>
/// Both databases keep timestamps to the millisecond, so domain times are truncated before
/// they are stored and a document reads back equal to what was written.
/// </summary>
public static class StoreTime
{
    public static DateTimeOffset Now(TimeProvider clock) => Truncate(clock.GetUtcNow());

    public static DateTimeOffset Truncate(DateTimeOffset value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());
}
