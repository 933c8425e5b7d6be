using System.ComponentModel.DataAnnotations;

namespace Gather.Infrastructure.Records.Querying;

/// <summary>Limits on reading records (<c>Gather:Query</c>).</summary>
public sealed class QueryOptions
{
    public const string Section = "Gather:Query";

    /// <summary>Page size when neither <c>first</c> nor <c>last</c> is given.</summary>
    [Range(1, 10_000)]
    public int DefaultPageSize { get; set; } = 50;

    /// <summary>Largest <c>first</c> or <c>last</c>.</summary>
    [Range(1, 10_000)]
    public int MaxPageSize { get; set; } = 1_000;

    /// <summary>Most keys in one <c>order</c>.</summary>
    [Range(1, 32)]
    public int MaxOrderFields { get; set; } = 5;

    /// <summary>Most nodes (operators and and/or/not) in one <c>where</c>.</summary>
    [Range(1, 10_000)]
    public int MaxFilterNodes { get; set; } = 100;

    /// <summary>Deepest and/or/not nesting in one <c>where</c>.</summary>
    [Range(1, 100)]
    public int MaxFilterDepth { get; set; } = 10;

    /// <summary>Most values in one <c>in</c> or <c>nin</c>.</summary>
    [Range(1, 100_000)]
    public int MaxInValues { get; set; } = 500;

    /// <summary>Longest <c>search</c> string.</summary>
    [Range(1, 10_000)]
    public int MaxSearchLength { get; set; } = 200;

    /// <summary>Longest string operand of <c>eq</c>, <c>contains</c> and the like.</summary>
    [Range(1, 1_000_000)]
    public int MaxOperandLength { get; set; } = 1_000;

    /// <summary>
    /// Most field indexes one team may hold (each Sync Stripe Charges task holds one on its model's
    /// charge id field). Each costs every write to that model, so they are few and dropped when unused.
    /// </summary>
    [Range(1, 1_000)]
    public int MaxIndexesPerTeam { get; set; } = 20;

    /// <summary>Most fields in one index (<c>createIndex</c>, and the index a view holds).</summary>
    [Range(1, 16)]
    public int MaxIndexFields { get; set; } = 4;

    /// <summary>
    /// Largest model, in records, an index is built on where a build holds every team's writes (the
    /// embedded SQLite store: about 1.3 s per 100,000 records measured); beyond it a person's index is
    /// refused and a view is served without one. MongoDB builds without blocking writes, so it does not apply there.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxIndexBuildRecords { get; set; } = 1_000_000;
}
