using Gather.Infrastructure.Models;

namespace Gather.Infrastructure.Records;

/// <summary>
/// What a sync did: an outcome per written record and a problem per rejected one, both by
/// position in the batch. Valid records are written even when others in the batch are not.
/// </summary>
public sealed record SyncResult(Model Model, IReadOnlyList<RecordOutcome> Outcomes, IReadOnlyList<RecordProblem> Errors)
{
    public int Created => Outcomes.Count(o => o.Status == RecordSyncStatus.Created);
    public int Updated => Outcomes.Count(o => o.Status == RecordSyncStatus.Updated);
    public int Unchanged => Outcomes.Count(o => o.Status == RecordSyncStatus.Unchanged);
}

/// <summary>What <c>deleteRecords</c> did: the ids deleted and those that did not exist.</summary>
public sealed record DeleteResult(Model Model, IReadOnlyList<string> Deleted, IReadOnlyList<string> NotFound);
