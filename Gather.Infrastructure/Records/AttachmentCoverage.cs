namespace Gather.Infrastructure.Records;

/// <summary>
/// How far a model's records are covered by one kind of attached data (e.g. Stripe charges by
/// the charge id field): how many records there are, how many hold an id (non-empty text), how
/// many of those have that id's object attached, and the first few records, by id, of each
/// kind that is not covered.
/// </summary>
public sealed record AttachmentCoverage(
    long Records,
    long WithId,
    long Attached,
    IReadOnlyList<string> WithoutIdExamples,
    IReadOnlyList<UnattachedRecord> UnattachedExamples)
{
    public long WithoutId => Records - WithId;

    public long Unattached => WithId - Attached;
}

/// <summary>A record (by its id) and the id it holds that nothing is attached for.</summary>
public sealed record UnattachedRecord(string RecordId, string Id);
