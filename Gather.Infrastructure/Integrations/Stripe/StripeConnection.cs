using Gather.Infrastructure.Integrations.Operations;
using Gather.Infrastructure.Teams;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Infrastructure.Storage;
using Gather.Infrastructure.Validation;

namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>
/// Connects a team's Stripe account: the secret key is checked against Stripe before anything is
/// stored, then the integration is added like any other (<see cref="IntegrationService.AddAsync"/>).
/// </summary>
public sealed class StripeConnection(StripeGateway stripe, SecretProtector secrets, IntegrationService integrations, TimeProvider clock)
{
    private const int MaxKeyLength = 255;

    private static readonly ValidationProblem AlreadyConnected =
        new("secretKey", "alreadyConnected", "This team already has a Stripe integration; disconnect it first to use another key.");

    public async Task<Result<Integration>> ConnectAsync(ITeamStore team, string? secretKey, CancellationToken cancellationToken)
    {
        var key = secretKey?.Trim() ?? "";
        if (key.Length == 0)
            return Invalid("required", "Give the Stripe secret key (sk_live_…, sk_test_… or a restricted rk_… key).");
        if (key.Length > MaxKeyLength || !(key.StartsWith("sk_", StringComparison.Ordinal) || key.StartsWith("rk_", StringComparison.Ordinal)))
            return Invalid("format", "That is not a Stripe secret key: they start with sk_ or rk_ (publishable pk_ keys cannot read data).");
        if ((await team.Integrations.ListAsync(cancellationToken)).Any(i => i.Kind == IntegrationKind.Stripe))
            return Result<Integration>.Invalid([AlreadyConnected]);

        var (check, message) = await stripe.CheckKeyAsync(team.TeamId, key, cancellationToken);
        if (check == StripeGateway.KeyCheck.Refused)
            return Invalid("refused", $"Stripe refused the key: {message}");
        if (check == StripeGateway.KeyCheck.Unavailable)
            return Invalid("unavailable", $"Stripe could not be reached to check the key, so it was not saved: {message}");

        var integration = new Integration(DocumentIds.New("int"), team.TeamId, IntegrationKind.Stripe, secrets.Protect(key), key[^4..],
            StoreTime.Now(clock));
        return await integrations.AddAsync(team, integration, AlreadyConnected, cancellationToken);
    }

    private static Result<Integration> Invalid(string rule, string message) => Result<Integration>.Invalid([new("secretKey", rule, message)]);
}
