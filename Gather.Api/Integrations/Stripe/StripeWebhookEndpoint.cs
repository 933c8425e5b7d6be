using Gather.Infrastructure.Integrations.StripeIntegration;
using Gather.Api.Hosting;
using Gather.Infrastructure.IntegrationTasks;

namespace Gather.Api.Integrations.StripeIntegration;

/// <summary>
/// <c>POST /webhooks/stripe/{integrationId}</c>: Stripe's deliveries for an integration. No API
/// key: the <c>Stripe-Signature</c> header is the authentication. Bodies are bounded; a Stripe
/// event is a few kilobytes.
/// </summary>
/// <remarks>
/// The rate-limiting middleware leaves this endpoint alone; it limits itself once it knows who
/// is calling. A delivery whose signature checks out takes a permit from its integration's own
/// bucket, which nobody without the integration's secret can use up. A refused one (no or a
/// forged signature, an unknown integration) takes one from its address's bucket, the one that
/// requests with made-up API keys share, so refused deliveries cost a flooder what a made-up
/// key does and cost Stripe nothing.
/// </remarks>
public sealed class StripeWebhookEndpoint(StripeWebhookVerifier verifier, StripeWebhookReceiver receiver, RateLimitBuckets buckets)
    : IIntegrationEndpoints
{
    // Limited by the endpoint itself, after the signature is checked (see above), so not by the rate limiter.
    public void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/webhooks/stripe/{integrationId}", HandleAsync).DisableRateLimiting().DescribeStripeWebhook();

    /// <summary>Stripe's events are far smaller; anything bigger is not Stripe.</summary>
    public const int MaxBodyBytes = 512 * 1024;

    /// <summary>How soon to try again after a transient failure (the store or Stripe was unavailable).</summary>
    private const string RetryAfterSeconds = "5";

    public async Task<IResult> HandleAsync(HttpContext context, string integrationId)
    {
        using var body = await BoundedBody.ReadAsync(context.Request, MaxBodyBytes);
        if (body is null)
            return Refused(context, new(StatusCodes.Status413PayloadTooLarge, $"A webhook body may be at most {MaxBodyBytes} bytes."));
        var (delivery, refusal) = await verifier.VerifyAsync(integrationId, body.Memory, context.Request.Headers["Stripe-Signature"].ToString(),
            context.RequestAborted);
        if (delivery is null)
            return Refused(context, refusal!);

        using (var lease = buckets.Acquire(RateLimitBuckets.ForIntegration(delivery.Integration.Id)))
        {
            if (!lease.IsAcquired)
                return TooMany(context, lease, "Too many deliveries for this integration");
        }
        var outcome = await receiver.ReceiveAsync(delivery, context.RequestAborted);
        if (outcome.Status == StatusCodes.Status503ServiceUnavailable)
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
        return outcome.Status == StatusCodes.Status200OK
            ? Results.Json(new WebhookReceipt(true, outcome.Message))
            : Results.Problem(outcome.Message, statusCode: outcome.Status);
    }

    private IResult Refused(HttpContext context, WebhookOutcome refusal)
    {
        using var lease = buckets.Acquire(RateLimitBuckets.ForAddress(context.Connection.RemoteIpAddress));
        return lease.IsAcquired
            ? Results.Problem(refusal.Message, statusCode: refusal.Status)
            : TooMany(context, lease, "Too many refused requests from this address");
    }

    private static IResult TooMany(HttpContext context, System.Threading.RateLimiting.RateLimitLease lease, string what)
    {
        RateLimitBuckets.SetRetryAfter(context.Response, lease);
        return Results.Problem($"{what}; wait as Retry-After says, then try again.", statusCode: StatusCodes.Status429TooManyRequests,
            extensions: new Dictionary<string, object?> { ["code"] = Gather.Schema.Common.ErrorCodes.RateLimited });
    }
}
