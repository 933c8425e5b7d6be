using Gather.Infrastructure.IntegrationTasks;

namespace Gather.Infrastructure.Integrations.StripeIntegration;

/// <summary>Stripe as a kind of <see cref="IntegrationKind"/> (<c>IntegrationKind.Stripe</c>), and what it brings.</summary>
public static class StripeIntegrationKind
{
    extension(IntegrationKind)
    {
        public static IntegrationKind Stripe => new("Stripe");
    }
}
