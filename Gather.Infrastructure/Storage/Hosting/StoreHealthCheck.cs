using Gather.Infrastructure.Teams;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gather.Infrastructure.Storage.Hosting;

/// <summary>Readiness: the store answers a ping.</summary>
public sealed class StoreHealthCheck(IGatherStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy("The store answers.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The reason stays in the check's exception (logged), not in the public description.
            return new HealthCheckResult(context.Registration.FailureStatus, "The store does not answer.", e);
        }
    }
}
