using System.Text.Json;
using Gather.Infrastructure.Integrations.StripeIntegration;
using Gather.Infrastructure.Integrations;
using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Schema.Common;
using Gather.Schema.Loading;
using Gather.Schema.Records;
using GraphQL;
using GraphQL.DataLoader;

namespace Gather.Schema.Integrations.StripeIntegration;

/// <summary>
/// Records of integration models, read from the integration when a relationship leads to one
/// (e.g. an order's <c>stripe_charge_id</c> → StripeCharge, or a StripeCustomer by id): batched per level and cached like
/// every Stripe read, shown as a Record whose <c>fields</c> are Stripe's object as Stripe sends it.
/// </summary>
public sealed class StripeRecords : IIntegrationRecords
{
    public bool Holds(Model model) => model.Kind == ModelKind.Integration && model.Name is StripeModels.Charge or StripeModels.Customer;

    public async Task<IDataLoaderResult<RecordNode?>> LoadAsync(IResolveFieldContext context, Model model, string id)
    {
        var key = await StripeKeyLoader.For(context).LoadAsync() ?? throw StripeFieldErrors.NotConnected();
        return model.Name switch
        {
            StripeModels.Charge => AsRecord(model, StripeChargesByIdLoader.For(context, key).Load(id)),
            StripeModels.Customer => AsRecord(model, StripeCustomersByIdLoader.For(context, key).Load(id)),
            _ => throw new ExecutionError($"Gather cannot read {model.Name} records from its integration.") { Code = ErrorCodes.InvalidArgument },
        };
    }

    /// <summary>Integration records keep the Stripe JSON they were read from, shown as the Stripe type of the model's name.</summary>
    public object AsGraphObject(Model model, RecordNode node)
    {
        var json = node.Record.StoredData ?? JsonSerializer.SerializeToElement(node.Record.Data);
        return model.Name == StripeModels.Customer ? StripeCustomer.From(json) : StripeCharge.From(json);
    }

    private static IDataLoaderResult<RecordNode?> AsRecord<T>(Model model, IDataLoaderResult<StripeResult<T?>> loading) where T : class, IStripeObject =>
        loading.Then(result => StripeFieldErrors.OrFieldError(result) is { } found ? new RecordNode(model, AsRecord(model, found)) : null);

    private static StoredRecord AsRecord(Model model, IStripeObject found) =>
        StoredRecord.Read(model.Id, found.Id, found.Json, [], found.Created, found.Created, 1);
}
