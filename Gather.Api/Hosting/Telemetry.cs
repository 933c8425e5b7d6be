using Gather.Infrastructure.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Gather.Api.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics: ASP.NET Core's HTTP server spans and metrics, outgoing HTTP
/// (Stripe), and Gather's own source and meter (<see cref="GatherTelemetry"/>). They are exported
/// over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard variable, with its
/// companions <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> and <c>OTEL_EXPORTER_OTLP_HEADERS</c>), and to the
/// console with <c>Gather:Telemetry:Console=true</c>; otherwise they are collected and dropped.
/// </summary>
public static class Telemetry
{
    public static IHostApplicationBuilder AddGatherTelemetry(this IHostApplicationBuilder builder)
    {
        var otlp = !string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var console = builder.Configuration.GetValue<bool>("Gather:Telemetry:Console");
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("gather"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(GatherTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (otlp)
                    tracing.AddOtlpExporter();
                if (console)
                    tracing.AddConsoleExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(GatherTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (otlp)
                    metrics.AddOtlpExporter();
                if (console)
                    metrics.AddConsoleExporter();
            });
        return builder;
    }
}
