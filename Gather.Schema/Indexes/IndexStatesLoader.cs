using Gather.Infrastructure.Indexes;
using Gather.Infrastructure.Teams;
using Gather.Schema.Common;
using Gather.Schema.Loading;
using GraphQL;

namespace Gather.Schema.Indexes;

/// <summary>Whether one index is built yet, read once per request for every view that holds it.</summary>
public sealed class IndexStatesLoader(ITeamStore team, FieldIndex index, CancellationToken cancellationToken)
    : RequestLookup<IReadOnlyDictionary<string, FieldIndexState>>(() => team.FieldIndexes.StatesAsync([index], cancellationToken))
{
    public static IndexStatesLoader For(IResolveFieldContext context, FieldIndex index) =>
        context.Loaders().Get(index.Name, () => new IndexStatesLoader(context.TeamStore(), index, context.CancellationToken));
}
