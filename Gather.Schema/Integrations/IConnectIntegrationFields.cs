namespace Gather.Schema.Integrations;

/// <summary>
/// An integration's connect mutation (<c>connectStripe</c>): each integration checks its own
/// credentials, so each brings its own. Added by <see cref="IntegrationMutations"/> before
/// <c>disconnectIntegration</c>, which serves them all.
/// </summary>
public interface IConnectIntegrationFields
{
    void AddTo(Common.MutationType mutation);
}
