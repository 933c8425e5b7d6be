using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;
using Gather.Infrastructure.Teams;
using Gather.Schema.Common;
using Gather.Schema.Loading;
using GraphQL;

namespace Gather.Schema.Records;

/// <summary>Records of one model by key (the value of its ID field): the keys asked for at a level are read in one store call.</summary>
public sealed class RecordsByKeyLoader(ITeamStore team, string modelId)
    : BatchLoader<string, StoredRecord?>((keys, cancellationToken) => FetchAsync(team, modelId, keys, cancellationToken), missing: null, StringComparer.Ordinal)
{
    public static RecordsByKeyLoader For(IResolveFieldContext context, Model model) =>
        context.Loaders().Get(model.Id, () => new RecordsByKeyLoader(context.TeamStore(), model.Id));

    private static async Task<IReadOnlyDictionary<string, StoredRecord?>> FetchAsync(ITeamStore team, string modelId, IReadOnlyList<string> keys,
        CancellationToken cancellationToken) =>
        (await team.Records.GetManyAsync(modelId, keys, cancellationToken)).ToDictionary(r => r.Key, r => (StoredRecord?)r, StringComparer.Ordinal);
}
