using Gather.Api.ApiDocs;
using Gather.Api.Hosting;
using Gather.Schema.Common;
using Gather.Schema.Integrations.StripeIntegration;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Gather.Api.Integrations.StripeIntegration;

/// <summary>The Stripe webhook endpoint as the OpenAPI document shows it: Stripe calls it, not you.</summary>
public static class StripeWebhookDocs
{
    public static RouteHandlerBuilder DescribeStripeWebhook(this RouteHandlerBuilder builder) => builder
        .WithName("ReceiveStripeWebhook")
        .WithTags("Webhooks")
        .WithSummary("Receive a Stripe event")
        .WithDescription("Stripe delivers its events here for one integration; Gather registers this URL with Stripe when a team connects "
                         + "Stripe and `Gather:PublicUrl` is set. There is no API key: the `Stripe-Signature` header, signed with the "
                         + "endpoint's secret, authenticates the delivery, and its time may be at most `Gather:Stripe:WebhookToleranceSeconds` "
                         + "old. Events are deduplicated by their id, so a delivery sent twice is applied once. The body is Stripe's event "
                         + $"object, at most {StripeWebhookEndpoint.MaxBodyBytes / 1024} KiB. Errors are in Gather's error shape, "
                         + "`{\"errors\":[{\"message\",\"extensions\":{\"code\",\"field\"}}]}`, like every other endpoint's.")
        .DocumentsJsonBody<object>("Stripe's event object, as Stripe sends it.")
        .Produces<WebhookReceipt>(StatusCodes.Status200OK)
        .Produces<ErrorsBody>(StatusCodes.Status400BadRequest)
        .Produces<ErrorsBody>(StatusCodes.Status404NotFound)
        .Produces<ErrorsBody>(StatusCodes.Status413PayloadTooLarge)
        .Produces<ErrorsBody>(StatusCodes.Status429TooManyRequests)
        .Produces<ErrorsBody>(StatusCodes.Status503ServiceUnavailable)
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "Stripe-Signature",
                In = ParameterLocation.Header,
                Required = true,
                Description = "Stripe's signature, `t=<Unix time>,v1=<HMAC-SHA256 of \"<t>.<body>\" with the endpoint's secret>`.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            foreach (var (status, text) in Responses)
                if (operation.Responses?.TryGetValue(status, out var response) == true && response is OpenApiResponse described)
                    described.Description = text;
            ResponseHeaders.AddRetryAfter(operation);
            return Task.CompletedTask;
        });

    private static readonly Dictionary<string, string> Responses = new()
    {
        ["200"] = "Received: applied, already received (a repeated delivery), or an event Gather does not apply.",
        ["400"] = $"`{StripeErrorCodes.InvalidSignature}`: no or a malformed `Stripe-Signature`, a signature that does not check out or is too old. "
                  + $"`{StripeErrorCodes.InvalidEvent}`: a signed event Gather cannot read. `{ErrorCodes.BadRequest}`: a body that is not UTF-8 text.",
        ["404"] = $"`{ErrorCodes.NotFound}`: no integration with this id receives webhooks here.",
        ["413"] = $"`{ErrorCodes.RequestTooLarge}`: the body is larger than a Stripe event can be.",
        ["429"] = $"`{ErrorCodes.RateLimited}`: too many deliveries for this integration (`Gather:RateLimits:PermitsPerSecondPerIntegration`), "
                  + "or too many refused ones from this address.",
        ["503"] = $"`{StoreUnavailableHandler.Code}` or `{StripeErrorCodes.Unavailable}`: the event could not be applied now; Stripe delivers it again later.",
    };
}
