using Gather.Infrastructure.IntegrationTasks;
using System.Text.Json;

namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>What every Stripe object Gather reads has: Stripe's id, its creation time, and Stripe's JSON as sent.</summary>
public interface IStripeObject
{
    string Id { get; }

    DateTimeOffset Created { get; }

    JsonElement Json { get; }
}
