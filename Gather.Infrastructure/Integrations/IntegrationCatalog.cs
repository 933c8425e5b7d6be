using Gather.Infrastructure.Models;

namespace Gather.Infrastructure.Integrations;

/// <summary>
/// The integrations registered on this host, in the order they were registered (which is the
/// order their kinds are listed in the API).
/// </summary>
public sealed class IntegrationCatalog(IEnumerable<IntegrationDefinition> integrations)
{
    public IReadOnlyList<IntegrationDefinition> Integrations { get; } = integrations.ToList();

    public IEnumerable<IntegrationKind> Kinds => Integrations.Select(i => i.Kind);

    public IEnumerable<IntegrationTaskKind> TaskKinds => Integrations.SelectMany(i => i.TaskKinds);

    /// <summary>The models <paramref name="integration"/> brings to its team; none when this host does not register its kind.</summary>
    public IReadOnlyList<Model> ModelsOf(Integration integration) =>
        Integrations.FirstOrDefault(i => i.Kind == integration.Kind)?.ModelsFor(integration.TeamId, integration.CreatedAt) ?? [];
}
