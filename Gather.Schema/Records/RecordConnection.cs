using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records.Querying;
using Gather.Schema.Common;
using GraphQL.DataLoader;

namespace Gather.Schema.Records;

/// <summary>
/// One page of a model's records. <c>totalCount</c> is counted only when asked for, through
/// <paramref name="count"/>: a deferred count for a root list, a batched one for related records.
/// </summary>
public sealed class RecordConnection(Model model, RecordQuery query, RecordPage page, Func<IDataLoaderResult<long>> count,
    IReadOnlyList<string>? columns = null)
{
    public IReadOnlyList<RecordNode> Nodes { get; } = NodesOf(model, query, page, columns);

    public PageInfo PageInfo => new(
        HasNextPage: query.Page.Backward ? query.Page.Cursor is not null : page.HasMore,
        HasPreviousPage: query.Page.Backward ? page.HasMore : query.Page.Cursor is not null,
        StartCursor: Nodes.FirstOrDefault()?.Cursor,
        EndCursor: Nodes.LastOrDefault()?.Cursor);

    public IDataLoaderResult<long> TotalCount() => count();

    private static List<RecordNode> NodesOf(Model model, RecordQuery query, RecordPage page, IReadOnlyList<string>? columns)
    {
        var fingerprint = RecordCursor.Fingerprint(query.Order);
        return page.Records.Select(r => new RecordNode(model, r, columns)
        {
            CursorSource = new Lazy<string>(() => RecordCursor.For(r, query.Order).Encode(fingerprint)),
        }).ToList();
    }
}
