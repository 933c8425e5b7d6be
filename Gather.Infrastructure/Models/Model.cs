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
