using Gather.Infrastructure.IntegrationTasks;
using System.Text;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Teams;
using Gather.Infrastructure.Validation;
using Microsoft.Extensions.Options;
using Stripe;

namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>
/// A delivery whose <c>Stripe-Signature</c> checked out with its integration's secret: it comes from that integration's Stripe account.
/// <paramref name="Body"/> is the request's own buffer, valid while the request is handled.
/// </summary>
public sealed record SignedDelivery(string TeamId, Integration Integration, ReadOnlyMemory<byte> Body, DateTimeOffset ReceivedAt);

/// <summary>
/// Checks a Stripe webhook delivery's signature (Stripe.net's verifier, with a tolerance for the
/// signed timestamp) before anything else is done with it. The cheap checks come first, so a
/// flood of unsigned or malformed requests costs no store round trip.
/// </summary>
public sealed class StripeWebhookVerifier(IGatherStore store, SecretProtector secrets, IOptions<StripeOptions> options, TimeProvider clock)
{
    public async Task<(SignedDelivery? Delivery, WebhookOutcome? Refusal)> VerifyAsync(string integrationId, ReadOnlyMemory<byte> body,
        string? signature, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(signature))
            return Refuse(400, WebhookRefusal.Signature, "The Stripe-Signature header is missing.");
        // Stripe.net's parser throws on some malformed headers (no '=', a non-numeric t) with exceptions that are not StripeException.
        if (!WellFormed(signature))
            return Refuse(400, WebhookRefusal.Signature, "The Stripe-Signature header is not in Stripe's form t=<Unix time>,v1=<64 hex digits>.");
        if (Utf8Text.Problem(body.Span, "The webhook body") is { } notText)
            return Refuse(400, WebhookRefusal.Body, notText);
        if (await store.FindIntegrationTeamAsync(integrationId, cancellationToken) is not { } teamId
            || await store.ForTeam(teamId).Integrations.FindAsync(integrationId, cancellationToken) is not { } integration)
            return Refuse(404, WebhookRefusal.UnknownIntegration, $"No integration '{integrationId}' receives webhooks here.");
        if (integration.EncryptedWebhookSecret is not { } encrypted)
            return Refuse(400, WebhookRefusal.Signature, "This integration has no webhook endpoint registered, so no signature can be checked.");
        var now = clock.GetUtcNow();
        // The signature is over the exact bytes Stripe sent; they are valid UTF-8, so the text round-trips to them.
        var payload = Encoding.UTF8.GetString(body.Span);
        try
        {
            EventUtility.ValidateSignature(payload, signature, secrets.Unprotect(encrypted), options.Value.WebhookToleranceSeconds,
                now.ToUnixTimeSeconds());
        }
        catch (StripeException e)
        {
            return Refuse(400, WebhookRefusal.Signature, $"The webhook's signature was refused: {e.Message}");
        }
        return (new SignedDelivery(teamId, integration, body, now), null);
    }

    private static (SignedDelivery?, WebhookOutcome?) Refuse(int status, WebhookRefusal refusal, string message) =>
        (null, new(status, message, refusal));

    /// <summary>Comma-separated <c>key=value</c> items with exactly one numeric <c>t</c> and at least one 64-hex-digit <c>v1</c>.</summary>
    private static bool WellFormed(string header)
    {
        var timestamps = 0;
        var signed = false;
        foreach (var item in header.Split(','))
        {
            var equals = item.IndexOf('=');
            if (equals <= 0)
                return false;
            var (key, value) = (item[..equals], item[(equals + 1)..]);
            if (key == "t" && (++timestamps > 1 || value.Length is 0 or > 18 || !value.All(char.IsAsciiDigit)))
                return false;
            signed |= key == "v1" && value.Length == 64 && value.All(char.IsAsciiHexDigit);
        }
        return timestamps == 1 && signed;
    }
}
