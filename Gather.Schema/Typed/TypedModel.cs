using Gather.Infrastructure.Models;
using Gather.Infrastructure.Relationships;
using Gather.Schema.Records;

namespace Gather.Schema.Typed;

/// <summary>A field of a model's typed GraphQL type: its GraphQL name, the synced field it reads, and its type.</summary>
public sealed record TypedField(string Name, string Path, FieldType Type);

/// <summary>A synced field or relationship left out of a model's type, and why (shown on the model's <c>typedApi</c>).</summary>
public sealed record ExcludedField(string Path, string Reason);

/// <summary>A relationship as a field of the typed type: to one record (an object) or to many (a connection).</summary>
public sealed record TypedRelationship(string Name, RelationshipSide Side, Model Target, bool LeadsToOne);

/// <summary>
/// A custom model as a GraphQL type in its team's schema, with every name it needs settled by
/// <see cref="GraphQLNames"/>: the type, its root fields (<c>orders</c>, <c>ordersById</c>), its
/// filter and sort inputs, its fields, and the sections of attached data it shows (by name: e.g.
/// <c>stripeCharge</c> once the model had a task filling it; their fields come from the integration).
/// </summary>
public sealed record TypedModel(Model Model, string TypeName, string ListField, string ByIdField, IReadOnlyList<TypedField> Fields,
    IReadOnlyList<string> AttachedSections)
{
    /// <summary>Filled once every model's type is named, since relationships refer to other models' types.</summary>
    public IReadOnlyList<TypedRelationship> Relationships { get; init; } = [];

    /// <summary>Each field's synced path by its GraphQL name, for reading the typed <c>where</c> and <c>order</c>.</summary>
    public IReadOnlyDictionary<string, string> PathsByName { get; } = Fields.ToDictionary(f => f.Name, f => f.Path, StringComparer.Ordinal);

    /// <summary>The names of the type and of those it comes with (<see cref="RecordTypeNames.Typed"/>).</summary>
    public RecordTypeNames Names => RecordTypeNames.Typed(TypeName);

    public string FilterTypeName => Names.FilterInput;

    public string SortTypeName => Names.SortInput;

    public string ConnectionTypeName => Names.Connection;

    public string EdgeTypeName => Names.Edge;
}
