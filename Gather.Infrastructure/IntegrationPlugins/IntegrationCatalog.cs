using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.IntegrationTasks;

namespace Gather.Infrastructure.IntegrationPlugins;

/// <summary>
/// The integrations registered on this host, in the order they were registered (which is the
/// order their kinds are listed in the API).
/// </summary>
public sealed class IntegrationCatalog(IEnumerable<IntegrationDefinition> integrations)
{
    public IReadOnlyList<IntegrationDefinition> Integrations { get; } = integrations.ToList();

    public IEnumerable<IntegrationKind> Kinds => Integrations.Select(i => i.Kind);

    public IEnumerable<IntegrationTaskKind> TaskKinds => Integrations.SelectMany(i => i.TaskKinds);
}
