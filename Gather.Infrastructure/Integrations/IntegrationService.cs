using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Teams;
using Gather.Infrastructure.Validation;

namespace Gather.Infrastructure.Integrations;

/// <summary>
/// Connects and disconnects a team's integrations. A Stripe key is checked against Stripe
/// before anything is stored, stored only encrypted, and never handed back.
/// </summary>
public sealed class IntegrationService(StripeGateway stripe, SecretProtector secrets, IEnumerable<IIntegrationLifecycle> lifecycle,
    TimeProvider clock)
{
    private const int MaxKeyLength = 255;

    public Task<IReadOnlyList<Integration>> ListAsync(ITeamStore team, CancellationToken cancellationToken) =>
        team.Integrations.ListAsync(cancellationToken);

    public async Task<Result<Integration>> ConnectStripeAsync(ITeamStore team, string? secretKey, CancellationToken cancellationToken)
    {
        var key = secretKey?.Trim() ?? "";
        if (key.Length == 0)
            return Invalid("required", "Give the Stripe secret key (sk_live_…, sk_test_… or a restricted rk_… key).");
        if (key.Length > MaxKeyLength || !(key.StartsWith("sk_", StringComparison.Ordinal) || key.StartsWith("rk_", StringComparison.Ordinal)))
            return Invalid("format", "That is not a Stripe secret key: they start with sk_ or rk_ (publishable pk_ keys cannot read data).");
        if ((await team.Integrations.ListAsync(cancellationToken)).Any(i => i.Kind == IntegrationKind.Stripe))
            return Invalid("alreadyConnected", "This team already has a Stripe integration; disconnect it first to use another key.");

        var (check, message) = await stripe.CheckKeyAsync(team.TeamId, key, cancellationToken);
        if (check == StripeGateway.KeyCheck.Refused)
            return Invalid("refused", $"Stripe refused the key: {message}");
        if (check == StripeGateway.KeyCheck.Unavailable)
            return Invalid("unavailable", $"Stripe could not be reached to check the key, so it was not saved: {message}");

        var integration = new Integration(DocumentIds.New("int"), team.TeamId, IntegrationKind.Stripe, secrets.Protect(key), key[^4..],
            StoreTime.Now(clock));
        try
        {
            await team.Integrations.InsertAsync(integration, cancellationToken);
        }
        catch (DuplicateDocumentException)
        {
            return Invalid("alreadyConnected", "This team already has a Stripe integration; disconnect it first to use another key.");
        }
        await team.Models.EnsureAsync(StripeModels.For(team.TeamId, integration.CreatedAt), cancellationToken);
        foreach (var part in lifecycle)
            await part.ConnectedAsync(team, integration, cancellationToken);
        return Result<Integration>.Ok(integration);
    }

    public async Task<Result<Integration>> DisconnectAsync(ITeamStore team, string? id, CancellationToken cancellationToken)
    {
        var integration = await team.Integrations.FindAsync(id, cancellationToken);
        if (integration is null)
            return Result<Integration>.NotFound(new NotFoundProblem(id ?? "", $"No integration with id '{id}' exists in this team."));
        // Its tasks and webhook endpoint go first, while the key to reach Stripe is still stored.
        foreach (var part in lifecycle)
            await part.DisconnectingAsync(team, integration, cancellationToken);
        if (!await team.Integrations.DeleteAsync(integration.Id, cancellationToken))
            return Result<Integration>.NotFound(new NotFoundProblem(id ?? "", $"No integration with id '{id}' exists in this team."));
        // Its models go with it (and, as with any model, the relationships that use them).
        foreach (var model in StripeModels.For(team.TeamId, integration.CreatedAt))
            await team.Models.DeleteAsync(model.Id, cancellationToken);
        return Result<Integration>.Ok(integration);
    }

    private static Result<Integration> Invalid(string rule, string message) => Result<Integration>.Invalid([new("secretKey", rule, message)]);
}
