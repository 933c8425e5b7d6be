using Gather.Infrastructure.IntegrationTasks;
using System.ComponentModel.DataAnnotations;

namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>How Gather talks to Stripe (<c>Gather:Stripe</c>).</summary>
public sealed class StripeOptions : IValidatableObject
{
    public const string Section = "Gather:Stripe";

    /// <summary>Stripe's API; point it at <c>Gather.FakeStripe</c> to work offline.</summary>
    [Required, Url]
    public string ApiBase { get; set; } = "https://api.stripe.com";

    /// <summary>Longest one Stripe request may take.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Retries after a 429, a 409 or a 5xx (or a connection failure), with exponential back-off.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first back-off; it doubles per retry (with jitter), unless Stripe says when to retry.</summary>
    [Range(1, 60_000)]
    public int RetryBaseDelayMilliseconds { get; set; } = 250;

    /// <summary>The longest single back-off.</summary>
    [Range(1, 120_000)]
    public int RetryMaxDelayMilliseconds { get; set; } = 5_000;

    /// <summary>Most Stripe requests in flight at once, across all teams and requests.</summary>
    [Range(1, 100)]
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>
    /// Most of those one team may hold, so that other teams always get permits while one team fans
    /// out; unset, half of <see cref="MaxConcurrency"/> (at least 1). At most <see cref="MaxConcurrency"/>.
    /// </summary>
    [Range(1, 100)]
    public int? MaxConcurrencyPerTeam { get; set; }

    /// <summary><see cref="MaxConcurrencyPerTeam"/> as it applies.</summary>
    public int ConcurrencyPerTeam => MaxConcurrencyPerTeam ?? Math.Max(1, MaxConcurrency / 2);

    /// <summary>How long Stripe data read on demand is reused across requests (0: not at all). Webhooks invalidate it sooner.</summary>
    [Range(0, 3_600)]
    public int CacheSeconds { get; set; } = 60;

    /// <summary>
    /// Sync Stripe Customers names a customer's account by this metadata key of the Stripe
    /// customer; without it, by the customer's name; without that, by the email's domain.
    /// </summary>
    [Required]
    public string AccountNameMetadataKey { get; set; } = "account";

    /// <summary>How old a webhook's signed timestamp may be before it is refused as stale (Stripe's own default is 300).</summary>
    [Range(1, 3_600)]
    public int WebhookToleranceSeconds { get; set; } = 300;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxConcurrencyPerTeam > MaxConcurrency)
            yield return new ValidationResult(
                $"Gather:Stripe:MaxConcurrencyPerTeam ({MaxConcurrencyPerTeam}) cannot exceed Gather:Stripe:MaxConcurrency ({MaxConcurrency}).",
                [nameof(MaxConcurrencyPerTeam)]);
    }
}
