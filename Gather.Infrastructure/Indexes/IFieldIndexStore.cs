using Gather.Infrastructure.Records.Querying;

namespace Gather.Infrastructure.Indexes;

/// <summary>
/// A team's field indexes: each one serves lookups by some fields of one model of the team, is
/// held by the owners that need it (e.g. a Sync Stripe Charges task), counts against the team's
/// limit, and is dropped as soon as no owner needs it. Obtained from
/// <see cref="Teams.ITeamStore.FieldIndexes"/>, so always team-scoped.
/// </summary>
public interface IFieldIndexStore
{
    /// <summary>
    /// Makes <paramref name="owner"/> hold exactly <paramref name="needed"/>: indexes it needs and
    /// no other owner built are built (and only then, so that an index is never built twice),
    /// those it held and no longer needs are let go, and an index nobody holds is dropped. When
    /// the team would hold more than <paramref name="maxPerTeam"/> indexes, nothing changes and
    /// the result says so. Idempotent; an empty <paramref name="needed"/> releases everything.
    /// </summary>
    Task<FieldIndexResult> HoldAsync(IndexOwner owner, IReadOnlyList<FieldIndexKey> needed, int maxPerTeam, CancellationToken cancellationToken) =>
        HoldAsync(owner, needed, maxPerTeam, null, cancellationToken);

    /// <summary>
    /// <see cref="HoldAsync(IndexOwner, IReadOnlyList{FieldIndexKey}, int, CancellationToken)"/>, asking
    /// <paramref name="mayBuild"/> first unless the owner already holds exactly <paramref name="needed"/>,
    /// built: the store's own read says whether anything might be built, so an owner holding its
    /// indexes again (a task's every run) pays for no second look at the team's indexes. When
    /// <paramref name="mayBuild"/> gives a reason, nothing changes and the result carries it.
    /// </summary>
    Task<FieldIndexResult> HoldAsync(IndexOwner owner, IReadOnlyList<FieldIndexKey> needed, int maxPerTeam, IndexBuildCheck? mayBuild,
        CancellationToken cancellationToken);

    /// <summary>The team's indexes, each with its owners.</summary>
    Task<IReadOnlyList<FieldIndex>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Whether each of <paramref name="indexes"/> (some of <see cref="ListAsync"/>'s) is built yet and how
    /// large it is, by index name; what the store cannot tell is null with the reason.
    /// </summary>
    Task<IReadOnlyDictionary<string, FieldIndexState>> StatesAsync(IReadOnlyList<FieldIndex> indexes, CancellationToken cancellationToken);

    /// <summary>Whether building an index holds other writers (every team's) until it is done, so builds on large models are bounded.</summary>
    bool BuildBlocksWrites { get; }
}

/// <summary>What an index covers: some fields, in order and each in a direction, of one model's records.</summary>
public sealed record FieldIndexKey(string ModelId, IReadOnlyList<IndexedField> Fields)
{
    public FieldIndexKey(string modelId, FieldPath field) : this(modelId, [new IndexedField(field)])
    {
    }

    /// <summary>
    /// The fields as the registry stores them, one string each: the dotted path, after
    /// <see cref="DescendingMark"/> when descending (no field name starts with '$', so the two never mix).
    /// </summary>
    public IReadOnlyList<string> FieldNames => Fields.Select(f => f.Direction == SortDirection.Descending ? DescendingMark + f.Path : f.Path.ToString()).ToList();

    public const string DescendingMark = "$desc ";

    /// <summary>The key a registry entry holds (see <see cref="FieldNames"/>).</summary>
    public static FieldIndexKey FromRegistry(string modelId, IEnumerable<string> fieldNames) => new(modelId, fieldNames
        .Select(name => name.StartsWith(DescendingMark, StringComparison.Ordinal)
            ? new IndexedField(new FieldPath(name[DescendingMark.Length..].Split('.')), SortDirection.Descending)
            : new IndexedField(new FieldPath(name.Split('.'))))
        .ToList());

    public bool Equals(FieldIndexKey? other) =>
        other is not null && string.Equals(ModelId, other.ModelId, StringComparison.Ordinal) && Fields.SequenceEqual(other.Fields);

    public override int GetHashCode() => HashCode.Combine(ModelId, string.Join('\n', FieldNames));
}

/// <summary>One field of an index and the direction its values are kept in.</summary>
public sealed record IndexedField(FieldPath Path, SortDirection Direction = SortDirection.Ascending);

/// <summary>
/// Who needs an index: a kind of thing and its id, e.g. (<c>integrationTask</c>, <c>task_…</c>).
/// Kinds are open, so that other features (saved views) can hold indexes too.
/// </summary>
public sealed record IndexOwner(string Kind, string Id)
{
    public const string IntegrationTaskKind = "integrationTask";

    /// <summary>A saved view, holding the index its filter and order need.</summary>
    public const string ViewKind = "view";

    /// <summary>A person or client that asked for the index by name (<c>createIndex</c>); its id is the index's name.</summary>
    public const string UserKind = "user";

    public static IndexOwner IntegrationTask(string taskId) => new(IntegrationTaskKind, taskId);

    public static IndexOwner View(string viewId) => new(ViewKind, viewId);

    public static IndexOwner User(string indexName) => new(UserKind, indexName);

    public override string ToString() => $"{Kind} {Id}";
}

/// <summary>One of a team's indexes, as the registry holds it.</summary>
public sealed record FieldIndex(string Name, FieldIndexKey Key, IReadOnlyList<IndexOwner> Owners, DateTimeOffset CreatedAt);

/// <summary>Why the indexes a hold may build must not be built now; null when they may.</summary>
public delegate Task<string?> IndexBuildCheck(CancellationToken cancellationToken);

/// <summary>
/// What holding indexes came to: done (<see cref="Changed"/>: the owner's holdings were not already
/// what it asked for), refused because the team is at its limit, or refused because a build may not
/// happen now (<see cref="BuildRefusal"/>, the <see cref="IndexBuildCheck"/>'s reason; the team's
/// indexes are then not counted).
/// </summary>
public sealed record FieldIndexResult(bool Held, int TeamIndexes, int Limit, bool Changed, string? BuildRefusal = null)
{
    public static FieldIndexResult Done(int teamIndexes, int limit, bool changed = true) => new(true, teamIndexes, limit, changed);

    public static FieldIndexResult LimitReached(int teamIndexes, int limit) => new(false, teamIndexes, limit, false);

    public static FieldIndexResult BuildRefused(string reason, int limit) => new(false, 0, limit, false, reason);
}
