using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;

namespace Gather.Schema.Records;

/// <summary>
/// A record with its model, its cursor when it came from a connection, and the columns of the
/// view it was read through (what <c>values</c> shows by default).
/// </summary>
public sealed record RecordNode(Model Model, StoredRecord Record, string? Cursor = null, IReadOnlyList<string>? Columns = null);
