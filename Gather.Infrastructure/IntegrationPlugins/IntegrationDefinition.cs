using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Records;

namespace Gather.Infrastructure.IntegrationPlugins;

/// <summary>
/// What an integration brings to Gather: the service it connects to, the kinds of task it runs,
/// and the sections of data those tasks attach to records. Registered by the integration's own
/// <c>Add…</c> call (<see cref="IntegrationRegistration.AddGatherIntegration"/>); Gather's generic
/// code (task kinds, attached sections, view columns, the typed schema) reads them from the
/// <see cref="IntegrationCatalog"/> rather than naming any integration.
/// </summary>
public sealed record IntegrationDefinition(IntegrationKind Kind, IReadOnlyList<IntegrationTaskKind> TaskKinds,
    IReadOnlyList<AttachedSectionKind> Sections);
