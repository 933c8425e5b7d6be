using Gather.Infrastructure.Integrations;
using Gather.Schema.Errors;

namespace Gather.Schema.Integrations.StripeIntegration;

public sealed class ConnectStripePayloadType() : PayloadGraphType<IntegrationType, Integration>(
    "ConnectStripePayload", "The connected Stripe integration.", "integration", "The integration; null when there are errors.");
