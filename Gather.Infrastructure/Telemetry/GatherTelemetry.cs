using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Gather.Infrastructure.Telemetry;

/// <summary>
/// Gather's own traces and metrics, named "Gather" for OpenTelemetry to collect (see the
/// README's observability section): spans for GraphQL operations and task runs; a counter of
/// store round trips; a histogram of GraphQL operation times. Integrations add their own
/// instruments to <see cref="Meter"/> and <see cref="Source"/>.
/// Tags never carry secrets, keys or record data.
/// </summary>
public static class GatherTelemetry
{
    public const string Name = "Gather";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> StoreRoundTrips =
        Meter.CreateCounter<long>("gather.store.round_trips", description: "Statements or commands sent to the store.");

    public static readonly Histogram<int> SyncAttempts =
        Meter.CreateHistogram<int>("gather.sync.attempts", description: "Plan-and-write rounds one sync batch took on MongoDB (1 when no other writer interfered).");

    public static readonly Histogram<double> GraphQLDuration =
        Meter.CreateHistogram<double>("gather.graphql.duration", unit: "ms", description: "Time to run one GraphQL operation, by operation type.");
}
