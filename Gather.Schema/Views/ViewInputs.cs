using Gather.Schema.Records;
using GraphQL.Types;

namespace Gather.Schema.Views;

/// <summary>Read as a map (the filter is a RecordFilterInput tree), so each mutation converts it itself.</summary>
public sealed class CreateViewInputType : InputObjectGraphType
{
    public CreateViewInputType()
    {
        Name = "CreateViewInput";
        Description = "A view of one model.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Unique in the team, ignoring case.");
        Field<NonNullGraphType<IdGraphType>>("modelId").Description("The model the view shows.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("columns").Description("Field paths to show, e.g. `amount`, `account.plan`, `stripeCharge.status`. Omitted or empty: the model's default columns (its ID field, its other fields, its attached data such as the Stripe charge), worked out when the view is read.");
        Field<RecordFilterInputType>("where").Description("A filter always applied.");
        Field<ListGraphType<NonNullGraphType<RecordSortInputType>>>("order").Description("The default order.");
    }
}

public sealed class UpdateViewInputType : InputObjectGraphType
{
    public UpdateViewInputType()
    {
        Name = "UpdateViewInput";
        Description = "What to change; omitted fields keep their value. The model a view shows does not change.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The view.");
        Field<StringGraphType>("name").Description("A new name.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("columns").Description("New columns; `[]` returns to the model's default columns.");
        Field<RecordFilterInputType>("where").Description("A new saved filter.");
        Field<ListGraphType<NonNullGraphType<RecordSortInputType>>>("order").Description("A new default order.");
    }
}

public sealed class DeleteViewInputType : InputObjectGraphType
{
    public DeleteViewInputType()
    {
        Name = "DeleteViewInput";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The view to delete; the records stay.");
    }
}
