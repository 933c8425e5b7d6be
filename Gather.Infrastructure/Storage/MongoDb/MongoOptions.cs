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
}
