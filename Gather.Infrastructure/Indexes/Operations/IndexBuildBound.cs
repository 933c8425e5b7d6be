using System.Globalization;
using Gather.Infrastructure.Records.Querying;
using Gather.Infrastructure.Teams;
using Microsoft.Extensions.Options;

namespace Gather.Infrastructure.Indexes.Operations;

/// <summary>
/// Bounds how long building an index may hold other teams' writes: where a build blocks writers
/// (the embedded SQLite store), no index is built on a model of more than
/// <c>Gather:Query:MaxIndexBuildRecords</c> records. An index that exists already costs no build.
/// </summary>
public sealed class IndexBuildBound(IOptions<QueryOptions> options)
{
    public const string Rule = "indexBuildTooLarge";

    /// <summary>Why <paramref name="key"/> may not be built now; null when it may (or needs no build).</summary>
    public async Task<string?> ProblemAsync(ITeamStore team, FieldIndexKey key, CancellationToken cancellationToken)
    {
        if (!team.FieldIndexes.BuildBlocksWrites)
            return null;
        var name = FieldIndexNames.For(team.TeamId, key);
        if ((await team.FieldIndexes.ListAsync(cancellationToken)).Any(i => i.Name == name))
            return null;
        var records = await team.Records.CountAsync(key.ModelId, null, [], cancellationToken);
        var max = options.Value.MaxIndexBuildRecords;
        return records <= max ? null
            : $"The model holds {records.ToString("N0", CultureInfo.InvariantCulture)} records, more than Gather:Query:MaxIndexBuildRecords " +
              $"({max.ToString("N0", CultureInfo.InvariantCulture)}) allows an index to be built on: on this store a build holds every team's writes " +
              "until it is done. Raise the limit at a quiet time, or move to MongoDB, which builds indexes while writes go on.";
    }
}
