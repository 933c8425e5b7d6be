using Gather.Infrastructure.Models;
using GraphQL.DataLoader;
using ModelFieldType = Gather.Infrastructure.Models.FieldType;
using FieldType = GraphQL.Types.FieldType;
using Gather.Schema.Integrations;
using Gather.Schema.Loading;
using Gather.Schema.Records;
using Gather.Schema.Relationships;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Gather.Schema.Typed;

/// <summary>
/// The graph types of one <see cref="TypedModel"/>: its object type, connection and edge, and
/// its filter and sort inputs. Types of other models are referred to by name, so a team's
/// models can relate to each other in any direction.
/// </summary>
public static class TypedGraphTypes
{
    /// <param name="sections">The attached sections the registered integrations contribute, by name; a section the model
    /// shows but no registered integration contributes is left out of its type.</param>
    public static IEnumerable<IGraphType> For(TypedModel model, TeamSchemaPlan plan, IReadOnlyDictionary<string, AttachedSection> sections)
    {
        var shown = model.AttachedSections.Select(sections.GetValueOrDefault).OfType<AttachedSection>().ToList();
        yield return ObjectType(model, plan, shown);
        yield return RecordConnectionTypes.Connection(model.Names, $"A page of {model.Model.Name} records.", RecordConnectionTypes.CountsMatches);
        yield return RecordConnectionTypes.Edge(model.Names);
        yield return FilterType(model, shown);
        yield return SortType(model, shown);
    }

    private static TypedRecordGraphType ObjectType(TypedModel model, TeamSchemaPlan plan, IReadOnlyList<AttachedSection> sections)
    {
        var type = new TypedRecordGraphType
        {
            Name = model.Names.Type,
            Description = $"A record of the model \"{model.Model.Name}\" (ID field `{model.Model.IdField}`).",
        };
        new RecordTypeBuilder(type)
            .Id($"The record's `{model.Model.IdField}`.")
            .Times()
            .SyncedFields(model.Fields)
            .AttachedSections(sections)
            .Relationships(model.Relationships.Select(r => RelationshipField(r, plan)));
        return type;
    }

    /// <summary>
    /// A relationship as a field: to a custom model, its typed type or connection (with the
    /// target's typed arguments); to Account or Customer, their own types (with the generic
    /// arguments); to an integration model (StripeCharge), the integration's type of that name.
    /// </summary>
    public static FieldType RelationshipField(TypedRelationship relationship, TeamSchemaPlan plan)
    {
        var name = relationship.Side.Name;
        var target = relationship.Target;
        var description = relationship.LeadsToOne
            ? $"The {target.Name} record this one's `{relationship.Side.SourceField}` names (relationship \"{name}\")."
            : $"The {target.Name} records whose `{relationship.Side.TargetField}` matches this one's `{relationship.Side.SourceField}` (relationship \"{name}\").";
        if (target.Kind == ModelKind.Integration)
            return IntegrationField(relationship.Name, name, target, description);
        var typed = plan.Models.FirstOrDefault(m => m.Model.Id == target.Id);
        var names = typed?.Names ?? RecordTypeNames.Standard(target.Name);
        if (relationship.LeadsToOne)
            return RecordRelationshipFields.ToOne(relationship.Name, name, GraphTypeRef.Named(names.Type), description);
        return typed is null
            ? RecordRelationshipFields.ToMany(relationship.Name, name, GraphTypeRef.Named(names.Connection),
                RecordListArguments.Generic(RecordListKind.Related), description)
            : RecordRelationshipFields.ToMany(relationship.Name, name, GraphTypeRef.Named(names.Connection),
                RecordListArguments.For(names, RecordListKind.TypedRelated), description, c => TypedArguments.QueryOf(c, typed));
    }

    /// <summary>A relationship to an integration model: its records come from the integration, shown as its graph type of the model's name.</summary>
    private static FieldType IntegrationField(string fieldName, string relationship, Model target, string description) => new()
    {
        Name = fieldName,
        Description = description,
        ResolvedType = new GraphQLTypeReference(target.Name),
        Resolver = new FuncFieldResolver<RecordNode, object?>(async c =>
            await RelatedRecords.OneAsync(c, relationship) is IDataLoaderResult<RecordNode?> pending
                ? pending.Then(node => node is null ? null : IntegrationRecordReaders.For(c, target).AsGraphObject(target, node))
                : null),
    };

    private static InputObjectGraphType FilterType(TypedModel model, IReadOnlyList<AttachedSection> sections)
    {
        var self = new GraphQLTypeReference(model.FilterTypeName);
        var type = new InputObjectGraphType { Name = model.FilterTypeName, Description = $"Filters {model.Model.Name} records; every condition given must hold." };
        type.AddField(new FieldType { Name = "and", Description = "Every one of these must hold.", ResolvedType = new ListGraphType(new NonNullGraphType(self)) });
        type.AddField(new FieldType { Name = "or", Description = "At least one of these must hold.", ResolvedType = new ListGraphType(new NonNullGraphType(self)) });
        type.AddField(new FieldType { Name = "id", Description = $"The record's `{model.Model.IdField}`.", Type = typeof(StringOperationFilterInputType) });
        foreach (var field in model.Fields)
            type.AddField(new FieldType { Name = field.Name, Description = $"The field \"{field.Path}\".", Type = OperationInput(field.Type) });
        foreach (var section in sections)
            type.AddField(section.FilterField());
        return type;
    }

    private static InputObjectGraphType SortType(TypedModel model, IReadOnlyList<AttachedSection> sections)
    {
        var type = new InputObjectGraphType { Name = model.SortTypeName, Description = $"Sort keys for {model.Model.Name} records, in the order written." };
        type.AddField(new FieldType { Name = "id", Description = $"The record's `{model.Model.IdField}`.", Type = typeof(SortEnumType) });
        foreach (var field in model.Fields)
            type.AddField(new FieldType { Name = field.Name, Description = $"The field \"{field.Path}\".", Type = typeof(SortEnumType) });
        foreach (var section in sections)
            type.AddField(section.SortField());
        return type;
    }

    public static IGraphType Scalar(ModelFieldType type) => type switch
    {
        ModelFieldType.String => new StringGraphType(),
        ModelFieldType.Int => new IntGraphType(),
        ModelFieldType.Float => new FloatGraphType(),
        ModelFieldType.Boolean => new BooleanGraphType(),
        ModelFieldType.DateTime => new GraphQLTypeReference("DateTime"),
        _ => new GraphQLTypeReference("JSON"),
    };

    public static Type OperationInput(ModelFieldType type) => type switch
    {
        ModelFieldType.String => typeof(StringOperationFilterInputType),
        ModelFieldType.Int => typeof(IntOperationFilterInputType),
        ModelFieldType.Float => typeof(FloatOperationFilterInputType),
        ModelFieldType.Boolean => typeof(BooleanOperationFilterInputType),
        ModelFieldType.DateTime => typeof(DateTimeOperationFilterInputType),
        _ => typeof(JsonOperationFilterInputType),
    };
}
