namespace Gather.Schema.Common;

/// <summary>The <c>extensions.code</c> values Gather adds to GraphQL errors.</summary>
public static class ErrorCodes
{
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";

    /// <summary>The API key (or, without one, the address) made more requests than Gather:RateLimits allows; see Retry-After.</summary>
    public const string RateLimited = "RATE_LIMITED";

    /// <summary>An argument broke a rule; <c>extensions.field</c> names the argument and <c>extensions.rule</c> the rule.</summary>
    public const string InvalidArgument = "INVALID_ARGUMENT";

    /// <summary>An id names nothing in the caller's team.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>A Stripe field was asked for, but the team has not connected Stripe.</summary>
    public const string StripeNotConnected = "STRIPE_NOT_CONNECTED";

    /// <summary>Stripe failed for this field (after retries); the rest of the response is intact.</summary>
    public const string StripeUnavailable = "STRIPE_UNAVAILABLE";

    /// <summary>Something failed that no input rule explains; details are in the server's log, never in the response.</summary>
    public const string InternalError = "INTERNAL_ERROR";
}
