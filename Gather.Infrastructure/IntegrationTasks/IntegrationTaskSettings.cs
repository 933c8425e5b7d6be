using System.ComponentModel.DataAnnotations;

namespace Gather.Infrastructure.IntegrationTasks;

/// <summary>How integration tasks are scheduled and run (<c>Gather:Tasks</c>).</summary>
public sealed class IntegrationTaskSettings
{
    public const string Section = "Gather:Tasks";

    /// <summary>How often a finished task runs again, to catch what webhooks missed.</summary>
    [Range(1, 7 * 24 * 60)]
    public int ReconcileMinutes { get; set; } = 60;

    /// <summary>How long after a failed run the task is tried again.</summary>
    [Range(1, 24 * 60)]
    public int RetryMinutes { get; set; } = 5;

    /// <summary>
    /// How long a run's claim on a task lasts without being renewed (every page renews it). An
    /// instance that dies mid-run holds the task at most this long.
    /// </summary>
    [Range(5, 3_600)]
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>How often each instance re-reads the stored tasks, to schedule tasks created or changed on other instances.</summary>
    [Range(1, 3_600)]
    public int SweepSeconds { get; set; } = 60;

    /// <summary>How soon after a sync the new records' charges are attached.</summary>
    [Range(0, 600)]
    public int AttachDelaySeconds { get; set; } = 2;

    /// <summary>How many example records a task shows for each kind it could not match (without a charge id, an id Stripe does not know).</summary>
    [Range(0, 100)]
    public int UnmatchedExamples { get; set; } = 5;

    /// <summary>Turns the scheduler off (tests that drive runs themselves; maintenance).</summary>
    public bool SchedulerEnabled { get; set; } = true;
}
