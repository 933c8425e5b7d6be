using System.Text.Json.Nodes;
using Gather.Infrastructure.Records.Querying;

namespace Gather.Infrastructure.Records;

/// <summary>
/// Data integration tasks attach to records, kept in the record's <c>linked</c> section beside
/// its synced <c>data</c>: e.g. <c>linked.stripeCharge</c>, the snapshot of the Stripe charge
/// whose id the record holds. Paths that start with a section name (<c>stripeCharge.status</c>)
/// read attached data in filters, sorts, search and view columns; a synced top-level field
/// cannot take such a name.
/// </summary>
/// <remarks>
/// Each section remembers the time of the state it holds (<c>linked._asOf.{section}</c>, Unix
/// seconds), so that a late webhook or a slower run never overwrites a newer state.
/// </remarks>
public static class AttachedData
{
    /// <summary>The Stripe charge a record's charge id field names (Sync Stripe Charges).</summary>
    public const string StripeCharge = "stripeCharge";

    /// <summary>Where each section's state time is kept: <c>linked._asOf.{section}</c>.</summary>
    public const string AsOf = "_asOf";

    /// <summary>The section names; a path starting with one reads attached data.</summary>
    public static readonly IReadOnlySet<string> Sections = new HashSet<string>(StringComparer.Ordinal) { StripeCharge };

    public static bool IsAttached(FieldPath path) => Sections.Contains(path.Segments[0]);

    /// <summary>
    /// Puts <paramref name="snapshot"/> into <paramref name="linked"/>'s <paramref name="section"/>
    /// (both are changed: pass nodes of your own, the snapshot without a parent); false when
    /// nothing changes because the record holds a newer state, or this very snapshot.
    /// </summary>
    public static bool TryApply(JsonObject linked, string section, JsonObject snapshot, long asOf)
    {
        var times = linked[AsOf] as JsonObject;
        if (times?[section] is JsonValue held && held.TryGetValue<long>(out var heldAsOf) && heldAsOf > asOf)
            return false;
        if (JsonNode.DeepEquals(linked[section], snapshot))
            return false;
        linked[section] = snapshot;
        if (times is null)
            linked[AsOf] = times = new JsonObject();
        times[section] = asOf;
        return true;
    }

    /// <summary>The id of the object attached in <paramref name="section"/>, if any.</summary>
    public static string? AttachedId(JsonObject linked, string section) =>
        linked[section] is JsonObject attached && attached["id"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : null;
}

/// <summary>One object to attach: its id (what the records' field holds), its snapshot, and the time of that state (Unix seconds).</summary>
public sealed record AttachedSnapshot(string Id, JsonObject Value, long AsOf);
