using Gather.Infrastructure.Relationships;
using Gather.Schema.Loading;
using Gather.Schema.Models;
using GraphQL.Types;

namespace Gather.Schema.Relationships;

/// <summary>A relationship between two models, navigated by <c>name</c> one way and <c>inverseName</c> the other.</summary>
public sealed class RelationshipType : ObjectGraphType<Relationship>
{
    public RelationshipType()
    {
        Name = "Relationship";
        Description = "Links the records of two models whose fields hold the same value (compared as text: strings and integers).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Stable and opaque.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name")
            .Description("How records of the from model reach the to model: `related(name: …)`.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("inverseName")
            .Description("How records of the to model reach back.").Resolve(c => c.Source.InverseName);
        Field<ModelType>("fromModel").Description("The model the relationship starts from.")
            .ResolveAsync(async c => (await c.TeamModelsAsync()).FirstOrDefault(m => m.Id == c.Source.FromModelId));
        Field<NonNullGraphType<StringGraphType>>("fromField").Description("The from model's field holding the link value.")
            .Resolve(c => c.Source.FromField);
        Field<ModelType>("toModel").Description("The model the relationship leads to.")
            .ResolveAsync(async c => (await c.TeamModelsAsync()).FirstOrDefault(m => m.Id == c.Source.ToModelId));
        Field<NonNullGraphType<StringGraphType>>("toField").Description("The to model's field matched against it.")
            .Resolve(c => c.Source.ToField);
        Field<NonNullGraphType<RelationshipKindType>>("kind").Description("Built in or created by the team.").Resolve(c => c.Source.Kind);
    }
}

public sealed class RelationshipKindType : EnumerationGraphType<RelationshipKind>
{
    public RelationshipKindType()
    {
        Name = "RelationshipKind";
        Description = "Where a relationship comes from.";
    }
}
