using Gather.Infrastructure.Integrations;

namespace Gather.Infrastructure.IntegrationTasks;

/// <summary>
/// A background job that syncs data from an integration (e.g. Sync Stripe Charges into Orders).
/// Its <see cref="State"/> (status, cursor, progress) lives in Gather's store, so a restart or
/// another instance carries on where a run stopped.
/// </summary>
public sealed record IntegrationTask(
    string Id,
    string TeamId,
    string IntegrationId,
    IntegrationTaskKind Kind,
    IntegrationTaskOptions Options,
    IntegrationTaskState State,
    DateTimeOffset CreatedAt);

/// <summary>What a task works on: for Sync Stripe Charges, the model and the field holding charge ids.</summary>
public sealed record IntegrationTaskOptions(string? ModelId, string? ChargeIdField)
{
    /// <summary>The charge id field as a path (a method, so it is not stored beside the field).</summary>
    public Records.Querying.FieldPath ChargeIdPath() =>
        new((ChargeIdField ?? throw new InvalidOperationException("This task has no charge id field.")).Split('.'));
}

public enum IntegrationTaskStatus
{
    /// <summary>Created or due, not started yet.</summary>
    Pending,
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// What the current or last run has done: objects read from the integration and records written;
/// for Sync Stripe Charges, also what the last check found it could not match (kept through the
/// next run until that run's own check replaces it).
/// </summary>
public sealed record IntegrationTaskProgress(long Scanned, long RecordsChanged, ChargeIdCheck? ChargeIds = null)
{
    public static readonly IntegrationTaskProgress None = new(0, 0);
}

/// <summary>
/// A task's run state. <see cref="Cursor"/> is where an unfinished run goes on from (the last
/// Stripe id read); null means the next run starts from the beginning.
/// <see cref="BackfillDone"/> tells the initial backfill from later reconciles. <see cref="Warnings"/>
/// are what the last check found a run could not do (null when there are none, or no check yet).
/// </summary>
public sealed record IntegrationTaskState(
    IntegrationTaskStatus Status,
    string? Cursor,
    IntegrationTaskProgress Progress,
    bool BackfillDone,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? NextRunAt,
    string? LastError,
    string? Note,
    IReadOnlyList<IntegrationTaskWarning>? Warnings = null)
{
    public static IntegrationTaskState New(DateTimeOffset now) =>
        new(IntegrationTaskStatus.Pending, null, IntegrationTaskProgress.None, false, null, null, now, null, null);

    /// <summary>A run that has not finished (or never started): the next run goes on from <see cref="Cursor"/>.</summary>
    public bool Unfinished => Status is IntegrationTaskStatus.Pending or IntegrationTaskStatus.Running || Cursor is not null;
}
