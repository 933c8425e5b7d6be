using Gather.Schema.Common;
using Gather.Schema.Models;
using Gather.Schema.Relationships;
using Gather.Schema.Views;
using GraphQL.Types;

namespace Gather.Schema.Records;

/// <summary>A record of any model: its ID field's value and its fields as JSON.</summary>
public sealed class RecordType : ObjectGraphType<RecordNode>
{
    public RecordType()
    {
        Name = "Record";
        Description = "A record of a model, keyed by the model's ID field.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The value of the model's ID field, e.g. an order number.")
            .Resolve(c => c.Source.Record.Key);
        Field<NonNullGraphType<ModelType>>("model").Description("The model the record belongs to.").Resolve(c => c.Source.Model);
        Field<NonNullGraphType<JsonScalarType>>("fields").Description("All the record's fields as synced, as a JSON object.")
            .Resolve(c => c.Source.Record.Data);
        AttachedJson.AddTo(this);
        Field<NonNullGraphType<DateTimeType>>("createdAt").Description("When the record was first synced.")
            .Resolve(c => c.Source.Record.CreatedAt);
        Field<NonNullGraphType<DateTimeType>>("updatedAt").Description("When a sync last changed the record.")
            .Resolve(c => c.Source.Record.UpdatedAt);
        Field<ListGraphType<JsonScalarType>>("values")
            .Description("The record's values for `columns` (by default the columns of the view it was read through, else the model's default columns: its ID field, its fields, its attached data), in order; a column may go through a relationship to one record, e.g. `account.plan`.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("columns", "Field paths, e.g. `amount`, `account.plan`, `stripeCharge.status`.")
            .ResolveAsync(ColumnValues.ResolveAsync);
        Field<ListGraphType<NonNullGraphType<RecordCellType>>>("cells")
            .Description("The same values as `values`, each labelled with its column's path, label and type, so a table needs no other lookup.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("columns", "Field paths, e.g. `amount`, `account.plan`, `stripeCharge.status`; by default as for `values`.")
            .ResolveAsync(ColumnValues.ResolveCellsAsync);
        RelationshipFields.AddTo(this);
    }
}
