using Gather.Infrastructure.Integrations;

namespace Gather.Infrastructure.IntegrationTasks.Operations;

/// <summary>The registered integrations' task kinds, each with how it runs (<see cref="IIntegrationTaskSync"/>).</summary>
public sealed class IntegrationTaskSyncs(IEnumerable<IIntegrationTaskSync> syncs)
{
    private readonly Dictionary<IntegrationTaskKind, IIntegrationTaskSync> _byKind = syncs.ToDictionary(s => s.Kind);

    /// <summary>How tasks of <paramref name="kind"/> run; null for a stored task whose integration this host does not register.</summary>
    public IIntegrationTaskSync? Find(IntegrationTaskKind kind) => _byKind.GetValueOrDefault(kind);

    /// <summary>How tasks of <paramref name="kind"/> run, for a kind the API offered (so one that is registered).</summary>
    public IIntegrationTaskSync For(IntegrationTaskKind kind) =>
        Find(kind) ?? throw new InvalidOperationException($"No registered integration runs {kind} tasks.");
}
