using System.Diagnostics.Metrics;
using Gather.Infrastructure.Telemetry;

namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>Stripe's instruments on Gather's meter, so OpenTelemetry collects them with Gather's own.</summary>
public static class StripeTelemetry
{
    public static readonly Counter<long> Requests =
        GatherTelemetry.Meter.CreateCounter<long>("gather.stripe.requests", description: "Requests sent to Stripe, by outcome (ok, or the HTTP status or failure).");
}
