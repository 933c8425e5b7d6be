using System.ComponentModel.DataAnnotations;

namespace Gather.Infrastructure.Records;

/// <summary>Limits on synced records (<c>Gather:Sync</c>). A record that breaks one is reported and not written.</summary>
public sealed class SyncOptions
{
    public const string Section = "Gather:Sync";

    /// <summary>Most records in one sync call (REST array or <c>syncRecords</c>).</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 1_000;

    /// <summary>Largest record, measured as its UTF-8 JSON.</summary>
    [Range(256, 16 * 1024 * 1024)]
    public int MaxRecordBytes { get; set; } = 64 * 1024;

    /// <summary>Deepest object or array nesting inside a record; a flat record has depth 1.</summary>
    [Range(1, 64)]
    public int MaxDepth { get; set; } = 8;

    /// <summary>Longest field name.</summary>
    [Range(1, 1_024)]
    public int MaxFieldNameLength { get; set; } = 128;

    /// <summary>Longest value of a model's ID field.</summary>
    [Range(1, 4_096)]
    public int MaxIdLength { get; set; } = 512;

    /// <summary>Largest body the REST sync endpoint reads.</summary>
    [Range(1_024, 512 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 32 * 1024 * 1024;
}
