using Gather.Infrastructure.Models;
using Gather.Infrastructure.Relationships;

namespace Gather.Schema.Typed;

/// <summary>
/// The order in which a typed type's fields claim their names, and the rule for a relationship
/// named like the field it follows:
/// <list type="number">
/// <item>Gather's own fields (<c>id</c>, <c>createdAt</c>, <c>updatedAt</c>, <c>stripeCharge</c>) first.</item>
/// <item>A relationship named like its own source field (<c>fromField: "account", name: "account"</c>)
/// takes that name, and the field's raw value stays reachable as the name plus <c>Id</c>
/// (<c>accountId</c>), as a foreign key sits beside its navigation in a HotChocolate schema.</item>
/// <item>Synced fields in the order they were first synced, so a field synced later never takes
/// the name of one a client already uses; then fields never synced (declared only) by name.</item>
/// <item>Other relationships last; a name already taken gets <c>_2</c>, <c>_3</c>, ….</item>
/// </list>
/// </summary>
public static class TypedFieldNames
{
    /// <summary>The raw field's name when a relationship took its own: <c>account</c> → <c>accountId</c>.</summary>
    public static string RawFieldName(string path) => GraphQLNames.FieldName(path) + "Id";

    /// <summary>
    /// Claims the names of the model's relationships that are named like their source field
    /// (kept in <paramref name="claimed"/>), and gives those fields' raw names by path.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ClaimOwnFieldRelationships(Model model, IEnumerable<RelationshipSide> sides,
        HashSet<string> taken, Dictionary<RelationshipSide, string> claimed)
    {
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        var own = sides.Where(s => !s.SourceField.Contains('.') && s.SourceField != model.IdField
                                   && GraphQLNames.FieldName(s.Name) == GraphQLNames.FieldName(s.SourceField));
        foreach (var side in GraphQLNames.InClaimOrder(own, s => s.Name, GraphQLNames.FieldName).ThenBy(s => s.TargetModelId, StringComparer.Ordinal))
        {
            if (raw.ContainsKey(side.SourceField) || taken.Contains(GraphQLNames.FieldName(side.Name)))
                continue; // a second relationship on the same field (or a name Gather keeps) follows the general rule
            claimed[side] = GraphQLNames.Claim(GraphQLNames.FieldName(side.Name), taken);
            raw[side.SourceField] = RawFieldName(side.SourceField);
        }
        return raw;
    }

    /// <summary>The order in which a model's typed fields claim their names (see the list above).</summary>
    public static IEnumerable<ModelField> ClaimOrder(Model model, IEnumerable<ModelField> fields, IReadOnlyDictionary<string, string> rawNames)
    {
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < model.SettledFields.Count; i++)
            position.TryAdd(model.SettledFields[i].Path, i);
        return fields
            .OrderBy(f => rawNames.ContainsKey(f.Path) ? 0 : position.ContainsKey(f.Path) ? 1 : 2)
            .ThenBy(f => position.GetValueOrDefault(f.Path, int.MaxValue))
            .ThenBy(f => GraphQLNames.FieldName(f.Path) == f.Path ? 0 : 1)
            .ThenBy(f => f.Path, StringComparer.Ordinal);
    }

    /// <summary>The relationships of a type as its fields, those in <paramref name="claimed"/> under the name they claimed.</summary>
    public static IReadOnlyList<TypedRelationship> Relationships(IEnumerable<RelationshipSide> sides, IReadOnlyDictionary<string, Model> models,
        HashSet<string> taken, IReadOnlyDictionary<RelationshipSide, string> claimed) =>
        GraphQLNames.InClaimOrder(sides, s => s.Name, GraphQLNames.FieldName)
            .ThenBy(s => s.TargetModelId, StringComparer.Ordinal)
            .Select(s => new TypedRelationship(claimed.GetValueOrDefault(s) ?? GraphQLNames.Claim(GraphQLNames.FieldName(s.Name), taken), s,
                models[s.TargetModelId], s.LeadsToOne(models[s.TargetModelId])))
            .ToList();
}
