namespace Gather.Infrastructure.Integrations;

/// <summary>
/// The service an integration connects to (e.g. <c>Stripe</c>), stored by name. A value rather than
/// an enum, so each integration names itself when it is registered.
/// </summary>
public readonly record struct IntegrationKind(string Name)
{
    public override string ToString() => Name;
}
