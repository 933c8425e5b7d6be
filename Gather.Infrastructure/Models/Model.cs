namespace Gather.Infrastructure.Models;

/// <summary>
/// A kind of record a team keeps: the standard Account and Customer, custom ones such as
/// <c>Orders</c>, and (later) integration models. Records are keyed by <see cref="IdField"/>.
/// </summary>
public sealed record Model(
    string Id,
    string TeamId,
    string Name,
    ModelKind Kind,
    string IdField,
    IReadOnlyList<DeclaredField> DeclaredFields,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The declared type of a field path, if the team declared one.</summary>
    public FieldType? DeclaredType(string path) =>
        DeclaredFields.FirstOrDefault(f => string.Equals(f.Path, path, StringComparison.Ordinal))?.Type;

    /// <summary>
    /// The kind each synced field path was settled to by its first values, in the order the
    /// paths were first synced (see <see cref="FieldSettling"/>). Stored with the model.
    /// </summary>
    public IReadOnlyList<SettledField> SettledFields { get; init; } = [];

    /// <summary>The kind a path was settled to, if any.</summary>
    public ValueKind? SettledKind(string path) =>
        SettledFields.FirstOrDefault(f => string.Equals(f.Path, path, StringComparison.Ordinal))?.Kind;
}

public enum ModelKind
{
    /// <summary>Account and Customer: every team has them; they cannot be renamed or deleted.</summary>
    Standard,
    /// <summary>Created by the team.</summary>
    Custom,
    /// <summary>Provided by an integration; data is fetched on demand.</summary>
    Integration,
}

/// <summary>A field whose type the team fixed; values synced into it are converted to that type.</summary>
public sealed record DeclaredField(string Path, FieldType Type);

/// <summary>A field path and the kind of value its first synced values settled it to.</summary>
public sealed record SettledField(string Path, ValueKind Kind);
