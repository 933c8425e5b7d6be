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
public sealed record PageRequest(int Size, bool Backward, RecordCursor? Cursor);

/// <summary>What an adapter returns for a query: the page's records in query order, and whether more lie beyond it.</summary>
public sealed record RecordPage(IReadOnlyList<StoredRecord> Records, bool HasMore);
