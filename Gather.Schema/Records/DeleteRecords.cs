using Gather.Infrastructure.Records;
using Gather.Infrastructure.Validation;
using Gather.Schema.Errors;
using Gather.Schema.Models;
using GraphQL.Types;

namespace Gather.Schema.Records;

public sealed class DeleteRecordsInputType : InputObjectGraphType
{
    public DeleteRecordsInputType()
    {
        Name = "DeleteRecordsInput";
        Description = "Records to delete, by their ID field's value.";
        Field<NonNullGraphType<IdGraphType>>("modelId").Description("The model the records belong to.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids").Description("ID field values.");
    }
}

/// <summary>The result of <c>deleteRecords</c>.</summary>
public sealed record DeleteRecordsPayload(DeleteResult? Result, IReadOnlyList<Problem> Errors);

public sealed class DeleteRecordsPayloadType : ObjectGraphType<DeleteRecordsPayload>
{
    public DeleteRecordsPayloadType()
    {
        Name = "DeleteRecordsPayload";
        Description = "Which records were deleted.";
        Field<ModelType>("model").Description("The model deleted from.").Resolve(c => c.Source.Result?.Model);
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("deletedIds").Description("Ids that were deleted.")
            .Resolve(c => c.Source.Result?.Deleted);
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("notFoundIds").Description("Ids that named no record.")
            .Resolve(c => c.Source.Result?.NotFound);
        this.AddErrorsField(p => p.Errors);
    }
}
