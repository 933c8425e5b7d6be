using Gather.Infrastructure.Integrations.StripeIntegration;
using Gather.Infrastructure.Integrations;
using GraphQL;

namespace Gather.Schema.Integrations.StripeIntegration;

/// <summary>How a Stripe read that could not be done shows: an error on the one field, the rest of the response stays.</summary>
internal static class StripeFieldErrors
{
    public static ExecutionError NotConnected() =>
        new("Stripe is not connected for this team: an admin can connect it with connectStripe.") { Code = StripeErrorCodes.NotConnected };

    public static T? OrFieldError<T>(StripeResult<T> result) =>
        result.Error is null ? result.Value : throw new ExecutionError(result.Error) { Code = StripeErrorCodes.Unavailable };
}
