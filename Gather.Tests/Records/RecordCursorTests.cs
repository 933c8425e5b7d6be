using Gather.Infrastructure.Records.Querying;
using Gather.Tests.Support;

namespace Gather.Tests.Records;

/// <summary>A cursor is caller input: every forgery is refused with a reason, never an exception.</summary>
public sealed class RecordCursorTests
{
    private static readonly IReadOnlyList<RecordSort>[] Orders =
    [
        [],
        [new RecordSort(FieldPath.TryParse("status", 8, 128, out _)!, SortDirection.Ascending)],
        [new RecordSort(FieldPath.TryParse("status", 8, 128, out _)!, SortDirection.Ascending),
            new RecordSort(FieldPath.TryParse("amount", 8, 128, out _)!, SortDirection.Descending)],
    ];

    [Fact]
    public void Every_forged_cursor_is_refused_with_a_reason()
    {
        var accepted = new List<string>();
        var count = 0;
        foreach (var order in Orders)
        {
            foreach (var (name, cursor) in ForgedCursors.For(order))
            {
                count++;
                var decoded = RecordCursor.TryDecode(cursor, order, out var problem);
                if (decoded is not null || string.IsNullOrEmpty(problem))
                    accepted.Add($"{order.Count} keys, {name}");
            }
        }

        Assert.Empty(accepted);
        Assert.True(count > 150, $"only {count} forgeries");
    }

    [Fact]
    public void A_returned_cursor_reads_back_as_written()
    {
        var order = Orders[2];
        var cursor = new RecordCursor([Scalar.Of("paid"), Scalar.Of(1e300)], "k\u00e9y");

        var decoded = RecordCursor.TryDecode(cursor.Encode(order), order, out var problem);

        Assert.Null(problem);
        Assert.Equal(cursor.Key, decoded!.Key);
        Assert.Equal(cursor.Values, decoded.Values);
        Assert.NotNull(RecordCursor.TryDecode(ForgedCursors.Valid(order), order, out _));
    }

    [Fact]
    public void A_cursor_of_another_order_says_so()
    {
        var cursor = ForgedCursors.Valid(Orders[1]);

        Assert.Null(RecordCursor.TryDecode(cursor, Orders[2], out var problem));
        Assert.Contains("different order", problem);
    }
}
