using Gather.Schema.Typed;
using GraphQL.Types;

namespace Gather.Schema.Models;

/// <summary>A model's place in the team's typed API (<c>Model.typedApi</c>).</summary>
public sealed class TypedApiType : ObjectGraphType<ModelTypedApi>
{
    public TypedApiType()
    {
        Name = "TypedApi";
        Description = "How a model appears in the team's typed API, named by the rule in the README (\"Names\" under the typed API).";
        Field(t => t.TypeName, nullable: true).Description("The model's GraphQL type (`Orders`); null if the model is left out (see `problem`).");
        Field(t => t.RootField, nullable: true).Description("The root field listing its records (`orders`); null if the model is left out.");
        Field(t => t.ByIdField, nullable: true).Description("The root field reading one record by its ID field (`ordersById`; `account` for Account); null if left out.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TypedApiFieldType>>>>("fields")
            .Description("Each synced field the type shows: the field's path and its GraphQL name (`unit price` → `unitPrice`).")
            .Resolve(c => c.Source.Fields);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TypedApiExclusionType>>>>("excludedFields")
            .Description("Synced fields and relationships left out of the type, each with the reason; they stay readable through `records(modelId:)`.")
            .Resolve(c => c.Source.ExcludedFields);
        Field(t => t.Problem, nullable: true)
            .Description("Why the whole model is left out of the typed API (the rest of the team's typed API stays); null when it is in.");
    }
}

/// <summary>A synced field and the GraphQL name it has on the model's type.</summary>
public sealed class TypedApiFieldType : ObjectGraphType<TypedField>
{
    public TypedApiFieldType()
    {
        Name = "TypedApiField";
        Description = "A synced field of the model and the name it has in the typed API.";
        Field(f => f.Path).Description("The field as synced (`unit price`).");
        Field(f => f.Name).Description("Its GraphQL name on the model's type and in its filter and sort inputs (`unitPrice`).");
    }
}

/// <summary>A part of a model left out of its typed type, and why.</summary>
public sealed class TypedApiExclusionType : ObjectGraphType<ExcludedField>
{
    public TypedApiExclusionType()
    {
        Name = "TypedApiExclusion";
        Description = "A synced field or relationship left out of the model's typed type.";
        Field(f => f.Path).Description("The synced field's path, or the relationship's name.");
        Field(f => f.Reason).Description("Why it is left out, and how to reach it or bring it in.");
    }
}
