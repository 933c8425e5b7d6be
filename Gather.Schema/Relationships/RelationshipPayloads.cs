using Gather.Infrastructure.Relationships;
using Gather.Infrastructure.Validation;
using Gather.Schema.Errors;
using GraphQL.Types;

namespace Gather.Schema.Relationships;

/// <summary>A mutation's relationship, or why there is none.</summary>
public sealed record RelationshipPayload(Relationship? Relationship, IReadOnlyList<Problem> Errors);

public abstract class RelationshipPayloadGraphType : ObjectGraphType<RelationshipPayload>
{
    protected RelationshipPayloadGraphType(string name, string description)
    {
        Name = name;
        Description = description;
        Field<RelationshipType>("relationship").Description("The relationship; null when there are errors.").Resolve(c => c.Source.Relationship);
        this.AddErrorsField(p => p.Errors);
    }
}

public sealed class CreateRelationshipPayloadType() : RelationshipPayloadGraphType("CreateRelationshipPayload", "The created relationship.");

public sealed class DeleteRelationshipPayloadType() : RelationshipPayloadGraphType("DeleteRelationshipPayload", "The deleted relationship, as it was.");
