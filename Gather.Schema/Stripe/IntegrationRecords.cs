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
/// (e.g. an order's <c>stripe_charge_id</c> → StripeCharge, or a StripeCustomer by id): batched per level and cached like
/// every Stripe read, shown as a Record whose <c>fields</c> are Stripe's object as Stripe sends it.
/// </summary>
public static class IntegrationRecords
{
    public static async Task<IDataLoaderResult<RecordNode?>> LoadAsync(IResolveFieldContext context, Model model, string id)
    {
        var key = await StripeLoaders.TeamKeyAsync(context) ?? throw StripeLoaders.NotConnected();
        var reader = context.Service<StripeReader>();
        var teamId = context.Caller().TeamId;
        return model.Name switch
        {
            StripeModels.Charge => Load<StripeCharge>(context, model, id, "stripeChargeById",
                (ids, cancellationToken) => reader.ChargesByIdAsync(teamId, key, ids, cancellationToken)),
            StripeModels.Customer => Load<StripeCustomer>(context, model, id, "stripeCustomerById",
                (ids, cancellationToken) => reader.CustomersByIdAsync(teamId, key, ids, cancellationToken)),
            _ => throw new ExecutionError($"Gather cannot read {model.Name} records from its integration.") { Code = ErrorCodes.InvalidArgument },
        };
    }

    private static IDataLoaderResult<RecordNode?> Load<T>(IResolveFieldContext context, Model model, string id, string loaderName,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, StripeResult<T?>>>> fetch) where T : class, IStripeObject =>
        context.Loaders().GetOrAdd(loaderName, () => new BatchLoader<string, StripeResult<T?>>(fetch, new StripeResult<T?>(null, null), StringComparer.Ordinal))
            .Load(id).Then(result => StripeLoaders.OrFieldError(result) is { } found ? new RecordNode(model, AsRecord(model, found)) : null);

    private static StoredRecord AsRecord(Model model, IStripeObject found) =>
        StoredRecord.Read(model.Id, found.Id, found.Json, [], found.Created, found.Created, 1);
}
