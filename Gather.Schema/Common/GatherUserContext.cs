using Gather.Schema.Loading;
using Gather.Infrastructure.Security;

namespace Gather.Schema.Common;

/// <summary>The per-request context resolvers see: who is calling, and the request's loaders.</summary>
public sealed class GatherUserContext(Caller caller) : Dictionary<string, object?>
{
    public Caller Caller { get; } = caller;

    public RequestLoaders Loaders { get; } = new();

    /// <summary>
    /// Set when the request revoked its own key (<c>revokeApiKey</c> with the caller's id): the
    /// key's rights end there, so root fields after it in the same document are refused.
    /// </summary>
    public bool CallerRevoked => _callerRevoked;

    private volatile bool _callerRevoked;

    public void RevokeCaller() => _callerRevoked = true;
}
