using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Teams;
using Gather.Infrastructure.Validation;

namespace Gather.Infrastructure.Integrations.Operations;

/// <summary>
/// Connects and disconnects a team's integrations, whatever their kind: each integration's own
/// connect step checks its credentials (a Stripe key against Stripe) and hands the checked
/// integration to <see cref="AddAsync"/>; keys are stored only encrypted and never handed back.
/// </summary>
public sealed class IntegrationService(IntegrationCatalog catalog, IEnumerable<IIntegrationLifecycle> lifecycle)
{
    public Task<IReadOnlyList<Integration>> ListAsync(ITeamStore team, CancellationToken cancellationToken) =>
        team.Integrations.ListAsync(cancellationToken);

    /// <summary>
    /// Stores a new integration that its own connect step has checked, adds the models it brings,
    /// and tells the lifecycle parts (which start its tasks). <paramref name="alreadyConnected"/> is
    /// the problem to give when the team already has one of its kind.
    /// </summary>
    public async Task<Result<Integration>> AddAsync(ITeamStore team, Integration integration, ValidationProblem alreadyConnected,
        CancellationToken cancellationToken)
    {
        try
        {
            await team.Integrations.InsertAsync(integration, cancellationToken);
        }
        catch (DuplicateDocumentException)
        {
            return Result<Integration>.Invalid([alreadyConnected]);
        }
        await team.Models.EnsureAsync(catalog.ModelsOf(integration), cancellationToken);
        foreach (var part in lifecycle)
            await part.ConnectedAsync(team, integration, cancellationToken);
        return Result<Integration>.Ok(integration);
    }

    public async Task<Result<Integration>> DisconnectAsync(ITeamStore team, string? id, CancellationToken cancellationToken)
    {
        var integration = await team.Integrations.FindAsync(id, cancellationToken);
        if (integration is null)
            return Result<Integration>.NotFound(new NotFoundProblem(id ?? "", $"No integration with id '{id}' exists in this team."));
        // Its tasks and what they hold outside (a webhook endpoint) go first, while the key to reach the service is still stored.
        foreach (var part in lifecycle)
            await part.DisconnectingAsync(team, integration, cancellationToken);
        if (!await team.Integrations.DeleteAsync(integration.Id, cancellationToken))
            return Result<Integration>.NotFound(new NotFoundProblem(id ?? "", $"No integration with id '{id}' exists in this team."));
        // Its models go with it (and, as with any model, the relationships that use them).
        foreach (var model in catalog.ModelsOf(integration))
            await team.Models.DeleteAsync(model.Id, cancellationToken);
        return Result<Integration>.Ok(integration);
    }
}
