using Gather.Infrastructure.Indexes;
using GraphQL.Types;

namespace Gather.Schema.Indexes;

public sealed class IndexStatusType : EnumerationGraphType
{
    public IndexStatusType()
    {
        Name = "IndexStatus";
        Description = "Whether an index is built.";
        Add("BUILDING", FieldIndexStatus.Building, "Being built; queries are served without it meanwhile.");
        Add("READY", FieldIndexStatus.Ready, "Built and kept current with every write.");
    }
}

/// <summary>An index's size; what the store cannot tell is null with the reason.</summary>
public sealed class IndexSizeType : ObjectGraphType<FieldIndexState>
{
    public IndexSizeType()
    {
        Name = "IndexSize";
        Description = "How large an index is. What the store cannot tell is null, and `unavailableReason` says why.";
        Field<LongGraphType>("entries").Description("Entries it holds: one per record of its model.").Resolve(c => c.Source.Entries);
        Field<LongGraphType>("bytes").Description("Space it takes in the store, in bytes.").Resolve(c => c.Source.Bytes);
        Field<StringGraphType>("unavailableReason").Description("Why `entries` or `bytes` is null; null when both are known.")
            .Resolve(c => c.Source.SizeUnavailable);
    }
}
