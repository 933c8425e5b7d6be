using System.ComponentModel.DataAnnotations;

namespace Gather.Infrastructure.Storage.Sqlite;

/// <summary>The embedded store (<c>Gather:Storage:Sqlite</c>).</summary>
public sealed class SqliteOptions
{
    public const string Section = "Gather:Storage:Sqlite";

    /// <summary>The database file; relative paths resolve against the working directory.</summary>
    [Required]
    public string Path { get; set; } = "gather.db";

    /// <summary>How long a writer waits for another writer's lock before failing.</summary>
    [Range(1, 600_000)]
    public int BusyTimeoutMilliseconds { get; set; } = 5_000;

    /// <summary>How often the search index takes in the rows written since (<see cref="SqliteSearchIndexer"/>).</summary>
    [Range(10, 600_000)]
    public int SearchIndexIntervalMilliseconds { get; set; } = 1_000;

    /// <summary>Rows the search index takes in per write transaction, so writers never wait long behind it.</summary>
    [Range(1, 100_000)]
    public int SearchIndexBatchSize { get; set; } = 1_000;
}
