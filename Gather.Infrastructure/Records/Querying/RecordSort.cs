namespace Gather.Infrastructure.Records.Querying;

/// <summary>
/// One sort key. Values order as MongoDB orders them: missing and null first, then numbers,
/// then strings (ordinal), then booleans (false before true). Records with equal keys are
/// ordered by their ID, so every order is total and cursors are stable.
/// Sorting by a field holding objects or arrays is not supported: such values sort as null.
/// </summary>
public sealed record RecordSort(FieldPath Path, SortDirection Direction);

public enum SortDirection
{
    Ascending,
    Descending,
}
