using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Teams;
using Gather.Schema.Common;
using Gather.Schema.Loading;
using GraphQL;

namespace Gather.Schema.Relationships;

/// <summary>The <c>totalCount</c> of related records per link value, counted for a level's parents in one store call, and only when asked for.</summary>
public sealed class RelatedRecordCountsLoader(ITeamStore team, RecordLinkTarget link, RecordQuery query)
    : BatchLoader<string, long>((values, cancellationToken) =>
        team.Records.CountRelatedAsync(link.Target.Id, link.For(values), query.Where, query.SearchTerms, cancellationToken), 0L, StringComparer.Ordinal)
{
    public static RelatedRecordCountsLoader For(IResolveFieldContext context, RecordLinkTarget link, RecordQuery query) =>
        context.Loaders().Get(RelatedRecordsLoader.Occurrence(context, link), () => new RelatedRecordCountsLoader(context.TeamStore(), link, query));
}
