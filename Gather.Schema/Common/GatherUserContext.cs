using Gather.Infrastructure.Security;

namespace Gather.Schema.Common;

/// <summary>The per-request context resolvers see: who is calling.</summary>
public sealed class GatherUserContext(Caller caller) : Dictionary<string, object?>
{
    public Caller Caller { get; } = caller;
}
