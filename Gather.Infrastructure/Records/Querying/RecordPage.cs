namespace Gather.Infrastructure.Records.Querying;

/// <summary>What an adapter returns for a query: the page's records in query order, and whether more lie beyond it.</summary>
public sealed record RecordPage(IReadOnlyList<StoredRecord> Records, bool HasMore)
{
    /// <summary>
    /// The page from what an adapter read for it: up to <see cref="PageRequest.ReadSize"/> records
    /// in read order, the one past <paramref name="size"/> only telling that more lie beyond.
    /// Records read in reverse (a backward page) are handed back in the query's order.
    /// </summary>
    /// <param name="rows">The records read; the page takes the list over rather than copying it.</param>
    public static RecordPage FromRows(List<StoredRecord> rows, int size, bool readInReverse = false)
    {
        var hasMore = rows.Count > size;
        if (hasMore)
            rows.RemoveRange(size, rows.Count - size);
        if (readInReverse)
            rows.Reverse();
        return new RecordPage(rows, hasMore);
    }
}
