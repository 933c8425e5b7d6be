using Gather.Infrastructure.Models;
using Gather.Infrastructure.Relationships;

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
/// filter and sort inputs, and its fields.
/// </summary>
public sealed record TypedModel(Model Model, string TypeName, string ListField, string ByIdField, IReadOnlyList<TypedField> Fields,
    bool HasStripeCharge)
{
    /// <summary>Filled once every model's type is named, since relationships refer to other models' types.</summary>
    public IReadOnlyList<TypedRelationship> Relationships { get; init; } = [];

    /// <summary>Each field's synced path by its GraphQL name, for reading the typed <c>where</c> and <c>order</c>.</summary>
    public IReadOnlyDictionary<string, string> PathsByName { get; } = Fields.ToDictionary(f => f.Name, f => f.Path, StringComparer.Ordinal);

    public string FilterTypeName => TypeName + "FilterInput";

    public string SortTypeName => TypeName + "SortInput";

    public string ConnectionTypeName => TypeName + "Connection";

    public string EdgeTypeName => TypeName + "Edge";
}
