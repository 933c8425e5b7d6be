using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Teams;
using Gather.Schema.Common;
using Gather.Schema.Loading;
using GraphQL;

namespace Gather.Schema.Relationships;

/// <summary>
/// A page of related records per link value: every parent at a level registers its value, and
/// one store call reads the pages of all of them. One loader per field in the document, since
/// its arguments (hence the query) are the same for every parent.
/// </summary>
public sealed class RelatedRecordsLoader(ITeamStore team, RecordLinkTarget link, RecordQuery query)
    : BatchLoader<string, RecordPage>((values, cancellationToken) => team.Records.QueryRelatedAsync(link.Target.Id, link.For(values), query, cancellationToken),
        NoRecords, StringComparer.Ordinal)
{
    public static readonly RecordPage NoRecords = new([], false);

    public static RelatedRecordsLoader For(IResolveFieldContext context, RecordLinkTarget link, RecordQuery query) =>
        context.Loaders().Get(Occurrence(context, link), () => new RelatedRecordsLoader(context.TeamStore(), link, query));

    /// <summary>The field in the document and the relationship side it follows: what one related-records loader serves.</summary>
    internal static object Occurrence(IResolveFieldContext context, RecordLinkTarget link) =>
        (context.FieldAst, link.Side.Relationship.Id, link.Side.Name);
}
