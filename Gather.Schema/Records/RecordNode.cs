using Gather.Infrastructure.Models;
using Gather.Infrastructure.Records;

namespace Gather.Schema.Records;

/// <summary>A record with its model, and its cursor when it came from a connection.</summary>
public sealed record RecordNode(Model Model, StoredRecord Record, string? Cursor = null);
