using Gather.Infrastructure.Models;
using Gather.Schema.Records;
using GraphQL;
using GraphQL.DataLoader;

namespace Gather.Schema.Integrations;

/// <summary>
/// How an integration's models are read when a relationship leads to one (e.g. an order's
/// <c>stripe_charge_id</c> → StripeCharge): from the integration, batched per level, and shown as
/// the integration's own graph type of the model's name. Contributed by the integration.
/// </summary>
public interface IIntegrationRecords
{
    /// <summary>Whether <paramref name="model"/> is one of this integration's models.</summary>
    bool Holds(Model model);

    /// <summary>The record of <paramref name="model"/> with id <paramref name="id"/>, batched with the level's others.</summary>
    Task<IDataLoaderResult<RecordNode?>> LoadAsync(IResolveFieldContext context, Model model, string id);

    /// <summary>A record read by <see cref="LoadAsync"/> as the object its model's graph type shows.</summary>
    object AsGraphObject(Model model, RecordNode node);
}
