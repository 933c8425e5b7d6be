using Gather.Schema.Common;
using GraphQL.Types;

namespace Gather.Schema.Records;

/// <summary>
/// The generic record filter, in HotChocolate.Data's vocabulary applied to a field path.
/// Parsed into a dictionary and validated by <see cref="RecordArguments"/>.
/// </summary>
public sealed class RecordFilterInputType : InputObjectGraphType
{
    public RecordFilterInputType()
    {
        Name = RecordTypeNames.Record.FilterInput;
        Description = "Filters records. Operators in one object apply to its `field` and must all hold; combine objects with `and`, `or`, `not`.";
        Field<ListGraphType<NonNullGraphType<RecordFilterInputType>>>("and").Description("Every one of these must hold.");
        Field<ListGraphType<NonNullGraphType<RecordFilterInputType>>>("or").Description("At least one of these must hold.");
        Field<RecordFilterInputType>("not").Description("This must not hold.");
        Field<StringGraphType>("field").Description("The field path the operators apply to: `amount`, `address.city`.");
        Field<JsonScalarType>("eq").Description("Equals (type-aware: 75 does not equal \"75\"). `eq: null` matches null or missing.");
        Field<JsonScalarType>("neq").Description("Does not equal; matches records without the field too.");
        Field<ListGraphType<JsonScalarType>>("in").Description("Equals one of these.");
        Field<ListGraphType<JsonScalarType>>("nin").Description("Equals none of these.");
        Field<JsonScalarType>("gt").Description("Greater than a number or string; never matches values of another type.");
        Field<JsonScalarType>("gte").Description("Greater than or equal.");
        Field<JsonScalarType>("lt").Description("Less than.");
        Field<JsonScalarType>("lte").Description("Less than or equal.");
        Field<StringGraphType>("contains").Description("A string value contains this, ignoring case.");
        Field<StringGraphType>("ncontains").Description("Not `contains`; matches non-strings and missing fields too.");
        Field<StringGraphType>("startsWith").Description("A string value starts with this, ignoring case.");
        Field<StringGraphType>("endsWith").Description("A string value ends with this, ignoring case.");
        Field<BooleanGraphType>("exists").Description("The field is present (true, even when null) or absent (false).");
    }
}
