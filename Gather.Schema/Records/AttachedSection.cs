using GraphQL.Types;

namespace Gather.Schema.Records;

/// <summary>
/// A section of data an integration attaches to a model's records (e.g. <c>stripeCharge</c>), as a
/// typed record type shows it: a field of the type, a condition of its filter and a key of its sort.
/// The integration contributes it (registered as an <see cref="AttachedSection"/> service); the record types only list the sections a model has.
/// </summary>
public abstract class AttachedSection
{
    /// <summary>The section's key in the record's attached data, and its field name.</summary>
    public abstract string Name { get; }

    /// <summary>The input types its filter and sort fields bring into a typed schema, which a model's type must not be named.</summary>
    public abstract IReadOnlyList<string> InputTypeNames { get; }

    public abstract FieldType RecordField();

    public abstract FieldType FilterField();

    public abstract FieldType SortField();
}
