namespace Gather.Infrastructure.Models;

/// <summary>How many of a model's records carry a field path with a given kind of value.</summary>
public sealed record FieldStatistic(string Path, ValueKind Kind, long Count);

/// <summary>
/// One entry of a model's field catalogue: what was declared, the kind its first synced values
/// settled it to (<see cref="FieldSettling"/>), and what sync has seen.
/// </summary>
public sealed record ModelField(string Path, FieldType? DeclaredType, IReadOnlyList<FieldStatistic> Observed, ValueKind? SettledKind = null)
{
    /// <summary>Records carrying the path: each record holds one value per path, so the kinds' counts add up.</summary>
    public long RecordCount => Observed.Sum(o => o.Count);

    /// <summary>
    /// The field's type: the declared one, else the settled one, else (for data synced before
    /// kinds were settled) what sync saw, nulls aside: one kind gives its type, integers mixed
    /// with decimals give FLOAT, anything else (objects, lists, mixtures) JSON.
    /// </summary>
    public FieldType Type => DeclaredType ?? (SettledKind is { } settled ? FieldSettling.TypeOf(settled) : (FieldType?)null) ?? Infer(Observed.Where(o => o.Kind != ValueKind.Null).Select(o => o.Kind).ToHashSet());

    public static FieldType Infer(IReadOnlySet<ValueKind> kinds) => kinds switch
    {
        { Count: 1 } when kinds.Contains(ValueKind.String) => FieldType.String,
        { Count: 1 } when kinds.Contains(ValueKind.Int) => FieldType.Int,
        { Count: 1 } when kinds.Contains(ValueKind.Float) => FieldType.Float,
        { Count: 2 } when kinds.Contains(ValueKind.Int) && kinds.Contains(ValueKind.Float) => FieldType.Float,
        { Count: 1 } when kinds.Contains(ValueKind.Boolean) => FieldType.Boolean,
        _ => FieldType.Json,
    };
}
