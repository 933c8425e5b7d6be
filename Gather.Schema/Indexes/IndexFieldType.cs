using Gather.Infrastructure.Indexes;
using Gather.Schema.Records;
using GraphQL.Types;

namespace Gather.Schema.Indexes;

/// <summary>One field of an index and its direction.</summary>
public sealed class IndexFieldType : ObjectGraphType<IndexedField>
{
    public IndexFieldType()
    {
        Name = "IndexField";
        Description = "One field of an index and the direction its values are kept in.";
        Field<NonNullGraphType<StringGraphType>>("field").Description("The field path, e.g. `amount` or `stripeCharge.status`.").Resolve(c => c.Source.Path.ToString());
        Field<NonNullGraphType<SortEnumType>>("direction").Description("ASC or DESC.").Resolve(c => c.Source.Direction);
    }
}
