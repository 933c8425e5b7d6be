using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Gather.Infrastructure.Telemetry;

/// <summary>
/// Gather's own traces and metrics, named "Gather" for OpenTelemetry to collect (see the
/// README's observability section): spans for GraphQL operations, Stripe calls and task runs;
/// counters of store round trips and Stripe calls; a histogram of GraphQL operation times.
/// Tags never carry secrets, keys or record data.
/// </summary>
public static class GatherTelemetry
{
    public const string Name = "Gather";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> StoreRoundTrips =
        Meter.CreateCounter<long>("gather.store.round_trips", description: "Statements or commands sent to the store.");

    public static readonly Counter<long> StripeRequests =
        Meter.CreateCounter<long>("gather.stripe.requests", description: "Requests sent to Stripe, by outcome (ok, or the HTTP status or failure).");

    public static readonly Histogram<int> SyncAttempts =
        Meter.CreateHistogram<int>("gather.sync.attempts", description: "Plan-and-write rounds one sync batch took on MongoDB (1 when no other writer interfered).");

    public static readonly Histogram<double> GraphQLDuration =
        Meter.CreateHistogram<double>("gather.graphql.duration", unit: "ms", description: "Time to run one GraphQL operation, by operation type.");
}
