namespace Gather.Infrastructure.Models;

/// <summary>The type a team may declare for a field. A declared type wins over what sync observes.</summary>
public enum FieldType
{
    String,
    Int,
    Float,
    Boolean,
    /// <summary>Stored as an ISO-8601 UTC string (<c>2026-11-23T10:00:00.000Z</c>), so it sorts in time order.</summary>
    DateTime,
    /// <summary>Any JSON value, stored as sent.</summary>
    Json,
}

/// <summary>The JSON type of a value as synced; the field catalogue counts records per path and kind.</summary>
public enum ValueKind
{
    String,
    Int,
    Float,
    Boolean,
    Object,
    Array,
    Null,
}
