using System.Text.Json.Nodes;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Schema.Common;
using Gather.Schema.Loading;
using Gather.Schema.Records;
using GraphQL;
using GraphQL.DataLoader;

namespace Gather.Schema.Stripe;

/// <summary>
/// Records of integration models, read from the integration when a relationship leads to one
/// (e.g. an order's <c>stripe_charge_id</c> → StripeCharge): batched per level and cached like
/// every Stripe read, shown as a Record whose <c>fields</c> are Stripe's object as Stripe sends it.
/// </summary>
public static class IntegrationRecords
{
    public static async Task<IDataLoaderResult<RecordNode?>> LoadAsync(IResolveFieldContext context, Model model, string id)
    {
        if (model.Name != StripeModels.Charge)
            throw new ExecutionError($"{model.Name} records are reached from customers (Customer.stripeCustomer), not through relationships yet.")
            { Code = ErrorCodes.InvalidArgument };
        var key = await StripeLoaders.TeamKeyAsync(context) ?? throw StripeLoaders.NotConnected();
        var reader = context.Service<StripeReader>();
        var teamId = context.Caller().TeamId;
        var loader = context.Loaders().GetOrAdd("stripeChargeById", () => new BatchLoader<string, StripeResult<StripeCharge?>>(
            (ids, cancellationToken) => reader.ChargesByIdAsync(teamId, key, ids, cancellationToken),
            new StripeResult<StripeCharge?>(null, null), StringComparer.Ordinal));
        return loader.Load(id).Then(result => StripeLoaders.OrFieldError(result) is { } charge ? new RecordNode(model, AsRecord(model, charge)) : null);
    }

    private static StoredRecord AsRecord(Model model, StripeCharge charge) =>
        new(model.Id, charge.Id, JsonObject.Create(charge.Json)!, [], charge.Created, charge.Created, 1);
}
