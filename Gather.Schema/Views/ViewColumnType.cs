using Gather.Infrastructure.Views;
using Gather.Schema.Models;
using GraphQL.Types;

namespace Gather.Schema.Views;

/// <summary>A column header: what a table shows above a view's records before any row is read.</summary>
public sealed class ViewColumnType : ObjectGraphType<ViewColumn>
{
    public ViewColumnType()
    {
        Name = "ViewColumn";
        Description = "One column of a view: its field path, a label for people and the type of its values.";
        Field<NonNullGraphType<StringGraphType>>("path").Description("The field path, e.g. `amount`, `account.plan` or `stripeCharge.status`; `column` in the records' `cells`.")
            .Resolve(c => c.Source.Path);
        Field<NonNullGraphType<StringGraphType>>("label").Description("A label for people, e.g. `Amount` or `Stripe charge · Status`.")
            .Resolve(c => c.Source.Label);
        Field<FieldTypeType>("type").Description("The type of the column's values (the field catalogue's, or the attached field's); null when nothing is known at that path.")
            .Resolve(c => c.Source.Type);
    }
}
