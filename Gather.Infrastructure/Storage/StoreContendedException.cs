namespace Gather.Infrastructure.Storage;

/// <summary>
/// Writers kept changing the same records until a sync's retry budget ran out. Nothing of the
/// unwritten records was lost or half-written; the caller may send the same request again
/// (a 503 with <c>Retry-After</c>, like an unreachable store).
/// </summary>
public sealed class StoreContendedException(string message) : Exception(message);
