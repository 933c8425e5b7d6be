namespace Gather.Infrastructure.Records.Querying;

/// <summary>
/// A filter on records, in HotChocolate.Data's vocabulary. Adapters translate it; they agree
/// on these semantics (the conformance suite checks them on both):
/// <list type="bullet">
/// <item>Comparisons are type-aware: a number only equals or orders against numbers, a string
/// against strings (ordinal, case-sensitive). <c>gt</c>/<c>gte</c>/<c>lt</c>/<c>lte</c> take a
/// number or a string and never match values of another type.</item>
/// <item><c>eq: null</c> matches a null or missing field; <c>neq</c> and <c>nin</c> are the exact
/// negations of <c>eq</c> and <c>in</c>, so they match missing fields too.</item>
/// <item><c>contains</c>, <c>ncontains</c>, <c>startsWith</c> and <c>endsWith</c> are
/// case-insensitive and match string values only.</item>
/// <item>When the field holds an array, an operator matches if it matches any element.</item>
/// </list>
/// </summary>
public abstract record RecordFilter
{
    /// <summary>Every field path the filter compares, once each.</summary>
    public IReadOnlySet<FieldPath> Paths()
    {
        var paths = new HashSet<FieldPath>();
        Collect(this, paths);
        return paths;

        static void Collect(RecordFilter filter, HashSet<FieldPath> paths)
        {
            switch (filter)
            {
                case AllOf all:
                    foreach (var part in all.Filters)
                        Collect(part, paths);
                    break;
                case AnyOf any:
                    foreach (var part in any.Filters)
                        Collect(part, paths);
                    break;
                case NotFilter not:
                    Collect(not.Filter, paths);
                    break;
                case FieldFilter field:
                    paths.Add(field.Path);
                    break;
            }
        }
    }
}

public sealed record AllOf(IReadOnlyList<RecordFilter> Filters) : RecordFilter;

public sealed record AnyOf(IReadOnlyList<RecordFilter> Filters) : RecordFilter;

public sealed record NotFilter(RecordFilter Filter) : RecordFilter;

/// <summary>
/// One operator on one field path. Single-valued operators use <c>Values[0]</c>.
/// <see cref="MayHoldArrays"/> is false when the model's catalogue has never seen an array at the
/// path, so an adapter can leave out the "or any element" part that would keep an index from
/// serving the comparison; it changes no result.
/// </summary>
public sealed record FieldFilter(FieldPath Path, FilterOperator Operator, IReadOnlyList<Scalar> Values, bool MayHoldArrays = true) : RecordFilter
{
    public Scalar Value => Values[0];
}

public enum FilterOperator
{
    Eq,
    Neq,
    In,
    Nin,
    Gt,
    Gte,
    Lt,
    Lte,
    Contains,
    NContains,
    StartsWith,
    EndsWith,
    Exists,
}
