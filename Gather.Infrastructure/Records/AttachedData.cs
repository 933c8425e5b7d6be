using System.Text.Json.Nodes;
using Gather.Infrastructure.Records.Querying;

namespace Gather.Infrastructure.Records;

/// <summary>
/// Data integration tasks attach to records, kept in the record's <c>linked</c> section beside
/// its synced <c>data</c>: e.g. <c>linked.stripeCharge</c>, the snapshot of the Stripe charge
/// whose id the record holds. Each integration names its sections (<see cref="AttachedSectionKind"/>). Paths that start with a section name (<c>stripeCharge.status</c>)
/// read attached data in filters, sorts, search and view columns; a synced top-level field
/// cannot take such a name.
/// </summary>
/// <remarks>
/// Each section remembers the time of the state it holds (<c>linked._asOf.{section}</c>, Unix
/// seconds), so that a late webhook or a slower run never overwrites a newer state.
/// </remarks>
public static class AttachedData
{
    /// <summary>Where each section's state time is kept: <c>linked._asOf.{section}</c>.</summary>
    public const string AsOf = "_asOf";

    // Process-wide rather than per host: whether a path reads synced or attached data is decided
    // in the stores' query translation, below dependency injection, and a section name once
    // attached stays in stored records. So the set only grows: registering an integration adds
    // its sections (IntegrationRegistration), before its host serves anything.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, AttachedSectionKind> Kinds = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="name"/> is a section's name: a path starting with one reads attached
    /// data. Asked for every top-level field a sync writes, so it is a lookup, not a copy of the
    /// names (a concurrent dictionary's <c>Keys</c> takes all its locks and copies them).
    /// </summary>
    public static bool IsSection(string name) => Kinds.ContainsKey(name);

    public static bool IsAttached(FieldPath path) => IsSection(path.Segments[0]);

    /// <summary>Makes <paramref name="section"/> known; registering the same section again changes nothing.</summary>
    public static void Register(AttachedSectionKind section)
    {
        var held = Kinds.GetOrAdd(section.Name, section);
        if (held != section && (held.FilledByTask != section.FilledByTask || !held.Fields.SequenceEqual(section.Fields)))
            throw new InvalidOperationException($"Two integrations attach a section named '{section.Name}'.");
    }

    /// <summary>The section called <paramref name="name"/>, if an integration attaches one.</summary>
    public static AttachedSectionKind? KindOf(string name) => Kinds.GetValueOrDefault(name);

    /// <summary>Every known section, by name, so lists built from them come out in one order.</summary>
    public static IEnumerable<AttachedSectionKind> All => Kinds.Values.OrderBy(k => k.Name, StringComparer.Ordinal);

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
