using Gather.Infrastructure.Integrations;
using Gather.Schema.Errors;

namespace Gather.Schema.Integrations;

public sealed class ConnectStripePayloadType() : PayloadGraphType<IntegrationType, Integration>(
    "ConnectStripePayload", "The connected Stripe integration.", "integration", "The integration; null when there are errors.");

public sealed class DisconnectIntegrationPayloadType() : PayloadGraphType<IntegrationType, Integration>(
    "DisconnectIntegrationPayload", "The disconnected integration, as it was.", "integration", "The integration; null when there are errors.");
