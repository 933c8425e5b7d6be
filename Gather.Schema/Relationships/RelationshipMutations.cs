using Gather.Infrastructure.Relationships;
using Gather.Infrastructure.Relationships.Operations;
using Gather.Infrastructure.Security;
using Gather.Schema.Common;
using Gather.Schema.Errors;
using GraphQL;
using GraphQL.Types;

namespace Gather.Schema.Relationships;

/// <summary>
/// Adds <c>createRelationship</c> (WRITE, like creating a model: a backend wiring its data does
/// it) and <c>deleteRelationship</c> (ADMIN: it breaks the queries that navigate it).
/// </summary>
public sealed class RelationshipMutations : IMutationFields
{
    public void AddTo(MutationType mutation)
    {
        mutation.Field<NonNullGraphType<CreateRelationshipPayloadType>>("createRelationship")
            .Description("Relates two models (any two, or a model to itself). Requires WRITE.")
            .Argument<NonNullGraphType<CreateRelationshipInputType>>("input")
            .RequireScope(ApiKeyScope.Write)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<CreateRelationshipInput>("input");
                var result = await c.Service<RelationshipService>().CreateAsync(c.TeamStore(), new RelationshipInput(
                    input.FromModelId, input.FromField, input.ToModelId, input.ToField, input.Name, input.InverseName), c.CancellationToken);
                return Payload<Relationship>.Of(result);
            });

        mutation.Field<NonNullGraphType<DeleteRelationshipPayloadType>>("deleteRelationship")
            .Description("Deletes a relationship the team created; the records stay. Requires ADMIN.")
            .Argument<NonNullGraphType<DeleteRelationshipInputType>>("input")
            .RequireScope(ApiKeyScope.Admin)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<DeleteRelationshipInput>("input");
                var result = await c.Service<RelationshipService>().DeleteAsync(c.TeamStore(), input.Id, c.CancellationToken);
                return Payload<Relationship>.Of(result);
            });
    }
}
