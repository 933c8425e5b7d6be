using Gather.Schema.Common;
using Gather.Schema.Models;
using GraphQL.Types;

namespace Gather.Schema.Views;

/// <summary>A labelled value, so a table can show a record without knowing the model.</summary>
public sealed class RecordCellType : ObjectGraphType<RecordCell>
{
    public RecordCellType()
    {
        Name = "RecordCell";
        Description = "A record's value under one column, with the column's path, label and type.";
        Field<NonNullGraphType<StringGraphType>>("column").Description("The column's field path, e.g. `amount` or `stripeCharge.status`.")
            .Resolve(c => c.Source.Column.Path);
        Field<NonNullGraphType<StringGraphType>>("label").Description("The column's label for people, e.g. `Amount` or `Stripe charge · Status`.")
            .Resolve(c => c.Source.Column.Label);
        Field<FieldTypeType>("type").Description("The type of the column's values (the field catalogue's, or the attached field's); null when nothing is known at that path.")
            .Resolve(c => c.Source.Column.Type);
        Field<JsonScalarType>("value").Description("The value as JSON; null when the record has none there.")
            .Resolve(c => c.Source.Value);
    }
}
