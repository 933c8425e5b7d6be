using Gather.Infrastructure.IntegrationTasks;
using GraphQL.Types;

namespace Gather.Schema.IntegrationTasks;

/// <summary>Records a task could not match: how many, and the first few by id.</summary>
public sealed class UnmatchedRecordsType : ObjectGraphType<UnmatchedRecords>
{
    public UnmatchedRecordsType()
    {
        Name = "UnmatchedRecords";
        Description = "Records an integration task could not match: how many, and the first few (by record id) as examples.";
        Field<NonNullGraphType<LongGraphType>>("count").Description("How many records.").Resolve(c => c.Source.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UnmatchedRecordType>>>>("examples")
            .Description("The first few of them, by record id (Gather:Tasks:UnmatchedExamples).")
            .Resolve(c => c.Source.Examples);
    }
}

/// <summary>One record a task could not match.</summary>
public sealed class UnmatchedRecordType : ObjectGraphType<UnmatchedRecord>
{
    public UnmatchedRecordType()
    {
        Name = "UnmatchedRecord";
        Description = "A record an integration task could not match.";
        Field<NonNullGraphType<IdGraphType>>("recordId").Description("The record's id (the value of its model's ID field).").Resolve(c => c.Source.RecordId);
        Field<StringGraphType>("chargeId").Description("The charge id it holds; null when it holds none.").Resolve(c => c.Source.ChargeId);
    }
}
