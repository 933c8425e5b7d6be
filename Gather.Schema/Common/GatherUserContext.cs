using Gather.Schema.Loading;
using Gather.Infrastructure.Security;

namespace Gather.Schema.Common;

/// <summary>The per-request context resolvers see: who is calling, and the request's loaders.</summary>
public sealed class GatherUserContext(Caller caller) : Dictionary<string, object?>
{
    public Caller Caller { get; } = caller;

    public RequestLoaders Loaders { get; } = new();
}
