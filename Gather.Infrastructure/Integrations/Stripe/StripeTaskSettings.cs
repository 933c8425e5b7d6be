namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>Stripe's own task settings, beside the tasks' shared ones in the same section (<c>Gather:Tasks</c>).</summary>
public sealed class StripeTaskSettings
{
    public const string Section = "Gather:Tasks";

    /// <summary>Whether connecting Stripe adds the Sync Stripe Customers task (as Gather's docs say enabling Stripe does).</summary>
    public bool SyncStripeCustomersOnConnect { get; set; } = true;
}
