using Gather.Schema.Common;
using GraphQL.Types;

namespace Gather.Schema.Records;

public sealed class SyncRecordsInputType : InputObjectGraphType
{
    public SyncRecordsInputType()
    {
        Name = "SyncRecordsInput";
        Description = "Records to upsert into a model, keyed by its ID field.";
        Field<NonNullGraphType<IdGraphType>>("modelId").Description("The model to sync into.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<JsonScalarType>>>>("records")
            .Description("JSON objects of fields. Fields not sent are kept; a field sent as null is removed.");
    }
}
