using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;

namespace Gather.Infrastructure.Integrations;

/// <summary>
/// What an integration brings to Gather: the service it connects to, the integration models a
/// connection adds to the team (<see cref="ModelsFor"/>, with ids derived from the team so they
/// come back the same), the kinds of task it runs (each run by an <c>IIntegrationTaskSync</c> it
/// registers), and the sections of data its tasks attach to records. Registered by the integration's own <c>Add…</c> call
/// (<see cref="IntegrationRegistration.AddGatherIntegration"/>); Gather's generic code reads them
/// from the <see cref="IntegrationCatalog"/> rather than naming any integration.
/// </summary>
public sealed record IntegrationDefinition(IntegrationKind Kind, IReadOnlyList<IntegrationTaskKind> TaskKinds, IReadOnlyList<AttachedSectionKind> Sections,
    Func<string, DateTimeOffset, IReadOnlyList<Model>> ModelsFor);
