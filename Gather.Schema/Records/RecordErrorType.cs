using Gather.Infrastructure.Records;
using Gather.Schema.Errors;
using GraphQL.Types;

namespace Gather.Schema.Records;

/// <summary>One record of a sync was rejected.</summary>
public sealed class RecordErrorType : ObjectGraphType<RecordProblem>
{
    public RecordErrorType()
    {
        Name = "RecordError";
        Description = "A record of the batch broke a rule and was not written; the batch's other records were.";
        Interface<ErrorInterfaceType>();
        Field(p => p.Message).Description("What went wrong, in words meant for a person.");
        Field(p => p.Index).Description("The record's position in the batch, from 0.");
        Field(p => p.Field).Description("The field at fault, as a path (`address.city`); empty for the record as a whole.");
        Field(p => p.Rule).Description("The rule it broke, e.g. `required`, `dot`, `maxDepth`, `maxSize`, `type`.");
    }
}
