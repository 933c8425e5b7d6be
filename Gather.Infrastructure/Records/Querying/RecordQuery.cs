namespace Gather.Infrastructure.Records.Querying;

/// <summary>A validated read of one model's records: filter, order, search terms and one page.</summary>
public sealed record RecordQuery(
    RecordFilter? Where,
    IReadOnlyList<RecordSort> Order,
    IReadOnlyList<string> SearchTerms,
    PageRequest Page);

/// <summary>
/// One page: <see cref="Size"/> records after (or, <see cref="Backward"/>, before) the cursor.
/// Backward pages are read in reverse order and handed back in the query's order.
/// </summary>
public sealed record PageRequest(int Size, bool Backward, RecordCursor? Cursor)
{
    /// <summary>How many records an adapter reads for this page: one more than it holds, to know whether more lie beyond (<see cref="RecordPage.FromRows"/>).</summary>
    public int ReadSize => Size + 1;
}
