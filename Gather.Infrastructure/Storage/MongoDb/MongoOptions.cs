using System.ComponentModel.DataAnnotations;

namespace Gather.Infrastructure.Storage.MongoDb;

/// <summary>The MongoDB store (<c>Gather:Storage:MongoDb</c>).</summary>
public sealed class MongoOptions
{
    public const string Section = "Gather:Storage:MongoDb";

    /// <summary>A standard <c>mongodb://</c> or <c>mongodb+srv://</c> connection string.</summary>
    public string ConnectionString { get; set; } = "mongodb://localhost:27017";

    [Required, RegularExpression("^[A-Za-z0-9_-]{1,63}$")]
    public string Database { get; set; } = "gather";

    /// <summary>How long an operation waits for a reachable server; keeps readiness checks prompt.</summary>
    [Range(100, 120_000)]
    public int ServerSelectionTimeoutMilliseconds { get; set; } = 5_000;

    /// <summary>Most time one sync spends re-planning records that other writers changed meanwhile; past it the caller gets a 503.</summary>
    [Range(100, 600_000)]
    public int SyncRetryBudgetMilliseconds { get; set; } = 15_000;

    /// <summary>Upper bound of the first wait before a re-plan; each later wait's bound doubles (full jitter).</summary>
    [Range(1, 10_000)]
    public int SyncRetryBaseDelayMilliseconds { get; set; } = 5;

    /// <summary>Largest bound a wait between re-plans grows to.</summary>
    [Range(1, 60_000)]
    public int SyncRetryMaxDelayMilliseconds { get; set; } = 1_000;

    /// <summary>
    /// How old a write's pending note must be before a statistics read treats the write as failed
    /// between its records and its field counts and recounts the model; longer than any write takes.
    /// </summary>
    [Range(1, 86_400)]
    public int FieldStatsRepairGraceSeconds { get; set; } = 30;
}
