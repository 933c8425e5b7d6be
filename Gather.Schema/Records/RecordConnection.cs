using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Storage;
using Gather.Schema.Common;

namespace Gather.Schema.Records;

/// <summary>One page of a model's records; <c>totalCount</c> is counted only when asked for.</summary>
public sealed class RecordConnection(ITeamStore team, Model model, RecordQuery query, RecordPage page)
{
    public IReadOnlyList<RecordNode> Nodes { get; } = NodesOf(model, query, page);

    public PageInfo PageInfo => new(
        HasNextPage: query.Page.Backward ? query.Page.Cursor is not null : page.HasMore,
        HasPreviousPage: query.Page.Backward ? page.HasMore : query.Page.Cursor is not null,
        StartCursor: Nodes.FirstOrDefault()?.Cursor,
        EndCursor: Nodes.LastOrDefault()?.Cursor);

    private static List<RecordNode> NodesOf(Model model, RecordQuery query, RecordPage page)
    {
        var fingerprint = RecordCursor.Fingerprint(query.Order);
        return page.Records.Select(r => new RecordNode(model, r, RecordCursor.For(r, query.Order).Encode(fingerprint))).ToList();
    }

    public Task<long> CountAsync(CancellationToken cancellationToken) =>
        team.Records.CountAsync(model.Id, query.Where, query.SearchTerms, cancellationToken);
}
