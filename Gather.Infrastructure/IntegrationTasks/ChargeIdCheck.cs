using Gather.Infrastructure.Records;

namespace Gather.Infrastructure.IntegrationTasks;

/// <summary>
/// What Sync Stripe Charges could not attach, as of <see cref="CheckedAt"/>: the model's records
/// without a charge id in the task's field, and those whose charge id Stripe does not know, each
/// counted with the first few records (by id) as examples. Checked at the end of every full run
/// and after new records' charges were attached.
/// </summary>
public sealed record ChargeIdCheck(
    long Records,
    long Matched,
    UnmatchedRecords WithoutChargeId,
    UnmatchedRecords UnknownChargeIds,
    DateTimeOffset CheckedAt)
{
    public static ChargeIdCheck From(AttachmentCoverage coverage, DateTimeOffset checkedAt) => new(
        coverage.Records,
        coverage.Attached,
        new UnmatchedRecords(coverage.WithoutId, coverage.WithoutIdExamples.Select(k => new UnmatchedRecord(k, null)).ToList()),
        new UnmatchedRecords(coverage.Unattached, coverage.UnattachedExamples.Select(u => new UnmatchedRecord(u.RecordId, u.Id)).ToList()),
        checkedAt);
}

/// <summary>How many records a task could not match, and a few of them.</summary>
public sealed record UnmatchedRecords(long Count, IReadOnlyList<UnmatchedRecord> Examples);

/// <summary>A record a task could not match: its id, and the charge id it holds (null when it holds none).</summary>
public sealed record UnmatchedRecord(string RecordId, string? ChargeId);
