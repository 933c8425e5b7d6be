using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;

namespace Gather.Schema.Records;

/// <summary>
/// A record with its model, its cursor when it came from a connection, and the columns of the
/// view it was read through (what <c>values</c> shows by default).
/// </summary>
public sealed record RecordNode(Model Model, StoredRecord Record, IReadOnlyList<string>? Columns = null)
{
    /// <summary>Encodes the cursor when it is first asked for: most pages show only their first and last.</summary>
    public Lazy<string>? CursorSource { get; init; }

    /// <summary>The record's cursor in the connection it came from; null for a record read on its own.</summary>
    public string? Cursor => CursorSource?.Value;
}
