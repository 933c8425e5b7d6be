namespace Gather.Api.Integrations;

/// <summary>
/// The HTTP endpoints an integration adds (e.g. where its service delivers webhooks), registered by
/// its own <c>Add…</c> call and mapped by <c>MapGather</c> beside Gather's own.
/// </summary>
public interface IIntegrationEndpoints
{
    void Map(IEndpointRouteBuilder endpoints);
}
