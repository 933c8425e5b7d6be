namespace Gather.Infrastructure.Integrations;

/// <summary>
/// What a task syncs (e.g. <c>SyncStripeCharges</c>), named by the integration that runs it and
/// stored by that name. A value rather than an enum, so an integration brings its own kinds
/// without Gather's generic code naming them; the GraphQL enum lists the registered ones.
/// </summary>
public readonly record struct IntegrationTaskKind(string Name)
{
    public override string ToString() => Name;
}
