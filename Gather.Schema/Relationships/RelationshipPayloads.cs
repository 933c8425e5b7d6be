using Gather.Infrastructure.Relationships;
using Gather.Schema.Errors;

namespace Gather.Schema.Relationships;

public sealed class CreateRelationshipPayloadType() : PayloadGraphType<RelationshipType, Relationship>(
    "CreateRelationshipPayload", "The created relationship.", "relationship", "The relationship; null when there are errors.");

public sealed class DeleteRelationshipPayloadType() : PayloadGraphType<RelationshipType, Relationship>(
    "DeleteRelationshipPayload", "The deleted relationship, as it was.", "relationship", "The relationship; null when there are errors.");
