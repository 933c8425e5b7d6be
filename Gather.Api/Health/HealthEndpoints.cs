using Gather.Infrastructure.Storage.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gather.Api.Health;

/// <summary><c>/health/live</c>: the process serves requests. <c>/health/ready</c>: and its store answers.</summary>
/// <remarks>
/// Route handlers rather than <c>MapHealthChecks</c>, so the OpenAPI document describes them; the
/// answers are the same (200 when healthy or degraded, 503 when unhealthy, never cached).
/// </remarks>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapGatherHealth(this IEndpointRouteBuilder app)
    {
        Describe(app.MapGet("/health/live", (HealthCheckService health, HttpContext context) =>
                AnswerAsync(health, context, _ => false)), "Live",
            "Whether the process serves requests. Checks nothing else, so a load balancer never restarts Gather for its database.");
        Describe(app.MapGet("/health/ready", (HealthCheckService health, HttpContext context) =>
                AnswerAsync(health, context, check => check.Tags.Contains(HealthTags.Ready))), "Ready",
            "Whether the process serves requests and its store answers (the store is pinged). 503 while the store cannot be reached; recovers by itself.");
        return app;
    }

    private static void Describe(RouteHandlerBuilder builder, string name, string description) => builder
        .WithName(name)
        .WithTags("Health")
        .WithSummary(description[..description.IndexOf('.')])
        .WithDescription(description)
        .Produces<HealthAnswer>(StatusCodes.Status200OK)
        .Produces<HealthAnswer>(StatusCodes.Status503ServiceUnavailable)
        .DisableRateLimiting();

    private static async Task<IResult> AnswerAsync(HealthCheckService health, HttpContext context, Func<HealthCheckRegistration, bool> predicate)
    {
        var report = await health.CheckHealthAsync(predicate, context.RequestAborted);
        context.Response.Headers.CacheControl = "no-store, no-cache";
        var answer = new HealthAnswer(report.Status.ToString(),
            report.Entries.ToDictionary(e => e.Key, e => new HealthCheckAnswer(e.Value.Status.ToString(), e.Value.Description)));
        return Results.Json(answer, statusCode: report.Status == HealthStatus.Unhealthy
            ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status200OK);
    }
}

/// <summary>The overall status (<c>Healthy</c>, <c>Degraded</c>, <c>Unhealthy</c>) and each check's.</summary>
public sealed record HealthAnswer(string Status, IReadOnlyDictionary<string, HealthCheckAnswer> Checks);

/// <summary>One check's status and, when it failed, why.</summary>
public sealed record HealthCheckAnswer(string Status, string? Description);
