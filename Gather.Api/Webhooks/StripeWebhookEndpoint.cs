using System.Text;
using Gather.Api.Hosting;
using Gather.Infrastructure.IntegrationTasks;

namespace Gather.Api.Webhooks;

/// <summary>
/// <c>POST /webhooks/stripe/{integrationId}</c>: Stripe's deliveries for an integration. No API
/// key: the <c>Stripe-Signature</c> header is the authentication. Bodies are bounded; a Stripe
/// event is a few kilobytes.
/// </summary>
public sealed class StripeWebhookEndpoint(StripeWebhookReceiver receiver)
{
    /// <summary>Stripe's events are far smaller; anything bigger is not Stripe.</summary>
    public const int MaxBodyBytes = 512 * 1024;

    public async Task<IResult> HandleAsync(HttpContext context, string integrationId)
    {
        using var body = await BoundedBody.ReadAsync(context.Request, MaxBodyBytes);
        if (body is null)
            return Results.Problem($"A webhook body may be at most {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        // The signature is over the exact bytes Stripe sent, so the text is passed on untouched.
        var payload = Encoding.UTF8.GetString(body.Memory.Span);
        var outcome = await receiver.ReceiveAsync(integrationId, payload, context.Request.Headers["Stripe-Signature"].ToString(),
            context.RequestAborted);
        return outcome.Status == StatusCodes.Status200OK
            ? Results.Json(new { received = true, message = outcome.Message })
            : Results.Problem(outcome.Message, statusCode: outcome.Status);
    }
}
