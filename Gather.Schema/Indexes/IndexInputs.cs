using GraphQL.Types;
using Gather.Schema.Records;

namespace Gather.Schema.Indexes;

public sealed class CreateIndexInputType : InputObjectGraphType
{
    public CreateIndexInputType()
    {
        Name = "CreateIndexInput";
        Description = "An index on some fields of one model, e.g. `{ modelId: \"…\", fields: [{ field: \"status\" }, { field: \"amount\", direction: DESC }] }` serves `status = paid` sorted by amount, largest first.";
        Field<NonNullGraphType<IdGraphType>>("modelId").Description("The model whose records to index.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndexFieldInputType>>>>("fields")
            .Description("The fields, most selective equality first, then the sort field; at most Gather:Query:MaxIndexFields (4 by default).");
    }
}

public sealed class IndexFieldInputType : InputObjectGraphType
{
    public IndexFieldInputType()
    {
        Name = "IndexFieldInput";
        Description = "One field of an index.";
        Field<NonNullGraphType<StringGraphType>>("field").Description("A field path the model knows, e.g. `amount`, `address.city` or `stripeCharge.status`.");
        Field<SortEnumType>("direction").Description("The direction values are kept in; ASC when omitted. Matters when a sort names several fields in mixed directions.")
            .DefaultValue(Infrastructure.Records.Querying.SortDirection.Ascending);
    }
}

public sealed class DropIndexInputType : InputObjectGraphType
{
    public DropIndexInputType()
    {
        Name = "DropIndexInput";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The index, as `indexes { id }` lists it.");
    }
}
