using System.Threading.RateLimiting;
using Gather.Infrastructure.Integrations.StripeIntegration;
using Gather.Api.Hosting;
using Gather.Infrastructure.IntegrationTasks;
using Gather.Schema.Common;
using Gather.Schema.Integrations.StripeIntegration;

namespace Gather.Api.Integrations.StripeIntegration;

/// <summary>
/// <c>POST /webhooks/stripe/{integrationId}</c>: Stripe's deliveries for an integration. No API
/// key: the <c>Stripe-Signature</c> header is the authentication. Bodies are bounded; a Stripe
/// event is a few kilobytes. Every answer but 200 is in Gather's error shape (<see cref="ErrorResponse"/>)
/// with a code saying which refusal it is.
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

    public async Task HandleAsync(HttpContext context, string integrationId)
    {
        using var body = await BoundedBody.ReadAsync(context.Request, MaxBodyBytes);
        if (body is null)
        {
            await RefuseAsync(context, new(StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge,
                $"A webhook body may be at most {MaxBodyBytes} bytes."));
            return;
        }
        var (delivery, refusal) = await verifier.VerifyAsync(integrationId, body.Memory, context.Request.Headers["Stripe-Signature"].ToString(),
            context.RequestAborted);
        if (delivery is null)
        {
            await RefuseAsync(context, ProblemOf(refusal!));
            return;
        }

        using (var lease = buckets.Acquire(RateLimitBuckets.ForIntegration(delivery.Integration.Id)))
        {
            if (!lease.IsAcquired)
            {
                await TooManyAsync(context, lease, "Too many deliveries for this integration");
                return;
            }
        }
        var outcome = await receiver.ReceiveAsync(delivery, context.RequestAborted);
        if (outcome.Status == StatusCodes.Status200OK)
        {
            await context.Response.WriteAsJsonAsync(new WebhookReceipt(true, outcome.Message), context.RequestAborted);
            return;
        }
        if (outcome.Status == StatusCodes.Status503ServiceUnavailable)
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
        await ErrorResponse.WriteAsync(context.Response, ProblemOf(outcome));
    }

    /// <summary>A delivery refused before its signature was trusted costs its address a permit; past the address's rate it is 429.</summary>
    private async Task RefuseAsync(HttpContext context, RequestProblem problem)
    {
        using var lease = buckets.Acquire(RateLimitBuckets.ForAddress(context.Connection.RemoteIpAddress));
        if (lease.IsAcquired)
            await ErrorResponse.WriteAsync(context.Response, problem);
        else
            await TooManyAsync(context, lease, "Too many refused requests from this address");
    }

    private static Task TooManyAsync(HttpContext context, RateLimitLease lease, string what)
    {
        RateLimitBuckets.SetRetryAfter(context.Response, lease);
        return ErrorResponse.WriteAsync(context.Response, new RequestProblem(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited,
            $"{what}; wait as Retry-After says, then try again."));
    }

    /// <summary>The refusal as Gather's error: its status, its code and, where one part of the request is at fault, that part's name.</summary>
    private static RequestProblem ProblemOf(WebhookOutcome refusal)
    {
        var (code, field) = refusal.Refusal switch
        {
            WebhookRefusal.Signature => (StripeErrorCodes.InvalidSignature, "Stripe-Signature"),
            WebhookRefusal.UnknownIntegration => (ErrorCodes.NotFound, "integrationId"),
            WebhookRefusal.Event => (StripeErrorCodes.InvalidEvent, null),
            WebhookRefusal.StoreUnavailable => (StoreUnavailableHandler.Code, null),
            WebhookRefusal.StripeUnavailable => (StripeErrorCodes.Unavailable, null),
            // The body is not text.
            _ => (ErrorCodes.BadRequest, (string?)null),
        };
        return new RequestProblem(refusal.Status, code, refusal.Message, field);
    }
}
