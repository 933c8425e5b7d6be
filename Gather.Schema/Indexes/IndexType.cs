using Gather.Infrastructure.Indexes;
using Gather.Schema.Common;
using Gather.Schema.Loading;
using Gather.Schema.Models;
using GraphQL.Types;

namespace Gather.Schema.Indexes;

/// <summary>One of the team's indexes: the model and fields it covers, who holds it, whether it is built, its size.</summary>
public sealed class IndexType : ObjectGraphType<TeamIndex>
{
    public IndexType()
    {
        Name = "Index";
        Description = "An index on some fields of one of the team's models. It makes filters, sorts and paging on those fields fast, and costs a little on every write to the model. It lives as long as something holds it: a `createIndex` call, a view whose filter and order need it, or an integration task.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Stable and opaque; the same fields of the same model always give the same id.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("modelId").Description("The model whose records the index holds.").Resolve(c => c.Source.Index.Key.ModelId);
        Field<ModelType>("model").Description("The model whose records the index holds; null when it has been deleted.")
            .ResolveAsync(async c => (await c.TeamModelsAsync()).FirstOrDefault(m => m.Id == c.Source.Index.Key.ModelId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndexFieldType>>>>("fields")
            .Description("The fields, in the order the index keeps them, each in its direction.").Resolve(c => c.Source.Index.Key.Fields);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndexOwnerType>>>>("owners")
            .Description("What holds the index; it is dropped when the last one lets go.").Resolve(c => c.Source.Index.Owners);
        Field<NonNullGraphType<IndexStatusType>>("status").Description("Whether the index is built and serving queries.").Resolve(c => c.Source.State.Status);
        Field<NonNullGraphType<IndexSizeType>>("size").Description("How large the index is, as far as the store can tell.").Resolve(c => c.Source.State);
        Field<NonNullGraphType<DateTimeType>>("createdAt").Description("When the index was first held.").Resolve(c => c.Source.Index.CreatedAt);
    }
}
