using Gather.Infrastructure.Integrations;
using Gather.Schema.Errors;

namespace Gather.Schema.Integrations;

public sealed class DisconnectIntegrationPayloadType() : PayloadGraphType<IntegrationType, Integration>(
    "DisconnectIntegrationPayload", "The disconnected integration, as it was.", "integration", "The integration; null when there are errors.");
