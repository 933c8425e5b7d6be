using System.Diagnostics;
using Gather.Infrastructure.Telemetry;
using Gather.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Gather.Tests.Http;

/// <summary>The traces and metrics Gather hands OpenTelemetry: HTTP and GraphQL spans with their store calls, and Gather's counters.</summary>
public sealed class TelemetryTests : IDisposable
{
    private readonly GatherApiFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_graphql_request_is_traced_with_its_store_calls_and_counted()
    {
        // The exporters add from whichever thread ends a span, including other tests' hosts.
        var exportedSpans = new LockedCollection<Activity>();
        var exportedMetrics = new LockedCollection<Metric>();
        using var app = _app.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exportedSpans));
            services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(exportedMetrics));
        }));
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("Authorization", $"Token {GatherApiFactory.AdminKey}");

        // Spans and meters are process-wide, and other tests run alongside: this request is found by its own operation name.
        var name = "Probe" + Guid.NewGuid().ToString("N");
        var result = await client.PostGraphQLAsync($"query {name} {{ models {{ id name }} }}");
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();
        var spans = exportedSpans.Snapshot();
        var metrics = exportedMetrics.Snapshot();

        Assert.True(result.Errors is null);
        var operation = Assert.Single(spans, s => s.Source.Name == GatherTelemetry.Name && s.DisplayName == $"graphql query {name}");
        Assert.Equal("query", operation.GetTagItem("graphql.operation.type"));
        Assert.Contains(operation.Events, e => e.Name == "store.round_trip");
        var http = Assert.Single(spans, s => s.SpanId == operation.ParentSpanId);
        Assert.Equal(ActivityKind.Server, http.Kind);
        Assert.Equal("/graphql", http.GetTagItem("url.path"));
        Assert.DoesNotContain(spans.SelectMany(s => s.Tags), t => t.Value?.Contains(GatherApiFactory.AdminKey, StringComparison.Ordinal) == true);
        Assert.Contains(metrics, m => m.Name == "gather.store.round_trips");
        Assert.Contains(metrics, m => m.Name == "gather.graphql.duration");
    }
}
