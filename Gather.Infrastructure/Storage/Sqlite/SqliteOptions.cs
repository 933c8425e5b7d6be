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

    /// <summary>
    /// How much of the database file each connection reads through a memory map instead of a
    /// read call per page (<c>PRAGMA mmap_size</c>); 0 reads every page with a call. A scan of a
    /// model's records then costs the rows, not a system call per 4 KiB page. The map is the
    /// operating system's file cache, shared by every connection, so it adds address space, not
    /// private memory.
    /// </summary>
    [Range(0, 1_048_576)]
    public int MemoryMapMegabytes { get; set; } = 1_024;

    /// <summary>
    /// Each connection's own page cache (<c>PRAGMA cache_size</c>; SQLite's default is 2 MiB). A
    /// sync writes index entries all over each index's B-tree; pages that no longer fit would be
    /// written out and read back within one batch. It fills only with pages a connection used.
    /// </summary>
    [Range(1, 4_096)]
    public int PageCacheMegabytes { get; set; } = 32;

    /// <summary>How often the search index takes in the rows written since (<see cref="SqliteSearchIndexer"/>).</summary>
    [Range(10, 600_000)]
    public int SearchIndexIntervalMilliseconds { get; set; } = 1_000;

    /// <summary>Rows the search index takes in per write transaction, so writers never wait long behind it.</summary>
    [Range(1, 100_000)]
    public int SearchIndexBatchSize { get; set; } = 1_000;
}
