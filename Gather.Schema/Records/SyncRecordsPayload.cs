using Gather.Infrastructure.Records;
using Gather.Infrastructure.Validation;
using Gather.Schema.Errors;
using Gather.Schema.Models;
using GraphQL.Types;

namespace Gather.Schema.Records;

/// <summary>The result of <c>syncRecords</c>: the sync's result, or the problems that stopped it as a whole.</summary>
public sealed record SyncRecordsPayload(SyncResult? Result, IReadOnlyList<Problem> Problems)
{
    public IReadOnlyList<Problem> Errors => Result is null ? Problems : Result.Errors;
}

public sealed class SyncRecordsPayloadType : ObjectGraphType<SyncRecordsPayload>
{
    public SyncRecordsPayloadType()
    {
        Name = "SyncRecordsPayload";
        Description = "What the sync did per record. Valid records are written even when others in the batch are not.";
        Field<ModelType>("model").Description("The model synced into.").Resolve(c => c.Source.Result?.Model);
        Field<ListGraphType<NonNullGraphType<SyncedRecordType>>>("records")
            .Description("Each written or unchanged record, by position in the batch.").Resolve(c => c.Source.Result?.Outcomes);
        Field<NonNullGraphType<IntGraphType>>("created").Description("Records created.").Resolve(c => c.Source.Result?.Created ?? 0);
        Field<NonNullGraphType<IntGraphType>>("updated").Description("Records changed.").Resolve(c => c.Source.Result?.Updated ?? 0);
        Field<NonNullGraphType<IntGraphType>>("unchanged").Description("Records that already held these values.")
            .Resolve(c => c.Source.Result?.Unchanged ?? 0);
        this.AddErrorsField(p => p.Errors);
    }
}

public sealed class SyncedRecordType : ObjectGraphType<RecordOutcome>
{
    public SyncedRecordType()
    {
        Name = "SyncedRecord";
        Description = "What the sync did with one record.";
        Field(o => o.Index).Description("The record's position in the batch, from 0.");
        Field<NonNullGraphType<IdGraphType>>("id").Description("The record's ID field value.").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<SyncStatusType>>("status").Description("CREATED, UPDATED or UNCHANGED.").Resolve(c => c.Source.Status);
    }
}

public sealed class SyncStatusType : EnumerationGraphType<RecordSyncStatus>
{
    public SyncStatusType()
    {
        Name = "SyncStatus";
        Description = "What a sync did with a record.";
    }
}
