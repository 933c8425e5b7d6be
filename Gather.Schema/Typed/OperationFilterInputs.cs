using Gather.Schema.Common;
using GraphQL.Types;

namespace Gather.Schema.Typed;

/// <summary>
/// The per-type operator inputs of the typed <c>where</c>, named and shaped as HotChocolate.Data
/// names them (<c>{ amount: { gt: 50 } }</c>), limited to the operators Gather's filters have.
/// </summary>
public abstract class OperationFilterInputType<TScalar> : InputObjectGraphType where TScalar : ScalarGraphType
{
    protected OperationFilterInputType(string name, bool ordered, bool text)
    {
        Name = name;
        Description = "Conditions on one field; all that are given must hold. `eq: null` matches null or missing.";
        Field<TScalar>("eq").Description("Equals.");
        Field<TScalar>("neq").Description("Does not equal (missing counts as not equal).");
        Field<ListGraphType<TScalar>>("in").Description("Equals one of these.");
        Field<ListGraphType<TScalar>>("nin").Description("Equals none of these.");
        if (ordered)
        {
            Field<TScalar>("gt").Description("Greater than.");
            Field<TScalar>("gte").Description("Greater than or equal.");
            Field<TScalar>("lt").Description("Less than.");
            Field<TScalar>("lte").Description("Less than or equal.");
        }
        if (text)
        {
            Field<TScalar>("contains").Description("Contains this, ignoring case.");
            Field<TScalar>("ncontains").Description("Does not contain this, ignoring case.");
            Field<TScalar>("startsWith").Description("Starts with this, ignoring case.");
            Field<TScalar>("endsWith").Description("Ends with this, ignoring case.");
        }
    }
}

public sealed class StringOperationFilterInputType() : OperationFilterInputType<StringGraphType>("StringOperationFilterInput", ordered: true, text: true);

public sealed class IntOperationFilterInputType() : OperationFilterInputType<IntGraphType>("IntOperationFilterInput", ordered: true, text: false);

public sealed class LongOperationFilterInputType() : OperationFilterInputType<LongGraphType>("LongOperationFilterInput", ordered: true, text: false);

public sealed class FloatOperationFilterInputType() : OperationFilterInputType<FloatGraphType>("FloatOperationFilterInput", ordered: true, text: false);

public sealed class BooleanOperationFilterInputType() : OperationFilterInputType<BooleanGraphType>("BooleanOperationFilterInput", ordered: false, text: false);

public sealed class DateTimeOperationFilterInputType() : OperationFilterInputType<DateTimeType>("DateTimeOperationFilterInput", ordered: true, text: false);

/// <summary>For JSON fields (nested or mixed values): operands are any JSON value, compared as the generic filter compares them.</summary>
public sealed class JsonOperationFilterInputType() : OperationFilterInputType<JsonScalarType>("JsonOperationFilterInput", ordered: true, text: true);
