using System.Text.Json.Nodes;
using Gather.Infrastructure.Records;
using Gather.Schema.Common;
using GraphQL.Types;

namespace Gather.Schema.Records;

/// <summary>
/// The <c>attached</c> field every record type has: the data integrations attached to the record,
/// by section (<c>{ "stripeCharge": {…} }</c>), without the times kept to order updates.
/// </summary>
public static class AttachedJson
{
    public const string Description =
        "Data integrations attached to the record, by section, e.g. `{ \"stripeCharge\": { \"id\": \"ch_…\", \"amount\": 7500, \"status\": \"succeeded\", … } }` " +
        "once Sync Stripe Charges found the charge the record names; `{}` when none. Paths such as `stripeCharge.status` filter, sort and show them as columns.";

    public static void AddTo(ObjectGraphType<RecordNode> type) =>
        type.Field<NonNullGraphType<JsonScalarType>>("attached").Description(Description).Resolve(c => Of(c.Source.Record));

    public static JsonObject Of(StoredRecord record)
    {
        var attached = new JsonObject();
        foreach (var (section, value) in record.Linked)
        {
            if (section != AttachedData.AsOf)
                attached[section] = value?.DeepClone();
        }
        return attached;
    }
}
