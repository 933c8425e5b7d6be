using Gather.Infrastructure.Records.Querying;
using GraphQL.Types;

namespace Gather.Schema.Records;

public sealed class RecordSortInputType : InputObjectGraphType
{
    public RecordSortInputType()
    {
        Name = RecordTypeNames.Record.SortInput;
        Description = "One sort key. Missing and null sort first, then numbers, strings, booleans; ties break on the record id.";
        Field<NonNullGraphType<StringGraphType>>("field").Description("The field path to sort by.");
        Field<NonNullGraphType<SortEnumType>>("direction").Description("ASC or DESC.").DefaultValue(SortDirection.Ascending);
    }
}

/// <summary>HotChocolate's <c>SortEnumType</c>.</summary>
public sealed class SortEnumType : EnumerationGraphType
{
    public SortEnumType()
    {
        Name = "SortEnumType";
        Description = "Sort direction.";
        Add("ASC", SortDirection.Ascending, "Smallest first.");
        Add("DESC", SortDirection.Descending, "Largest first.");
    }
}
