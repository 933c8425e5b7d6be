using Gather.Infrastructure.Security;
using Gather.Infrastructure.Security.Operations;
using Gather.Schema.Common;
using GraphQL;
using GraphQL.Types;

namespace Gather.Schema.ApiKeys;

/// <summary>Adds <c>createApiKey</c> and <c>revokeApiKey</c> to the root mutation. Both require ADMIN.</summary>
public sealed class ApiKeyMutations : IMutationFields
{
    public void AddTo(MutationType mutation)
    {
        mutation.Field<NonNullGraphType<CreateApiKeyPayloadType>>("createApiKey")
            .Description("Creates an API key and returns its secret, once. Requires ADMIN.")
            .Argument<NonNullGraphType<CreateApiKeyInputType>>("input")
            .RequireScope(ApiKeyScope.Admin)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<CreateApiKeyInput>("input");
                var result = await context.Service<ApiKeyService>()
                    .CreateAsync(context.TeamStore(), input.Name, input.Scopes, context.CancellationToken);
                return new CreateApiKeyPayload(result.Value?.ApiKey, result.Value?.Secret, result.Problems);
            });

        mutation.Field<NonNullGraphType<RevokeApiKeyPayloadType>>("revokeApiKey")
            .Description("Revokes an API key at once; requests with it fail from then on. Requires ADMIN.")
            .Argument<NonNullGraphType<RevokeApiKeyInputType>>("input")
            .RequireScope(ApiKeyScope.Admin)
            .ResolveAsync(async context =>
            {
                var input = context.GetArgument<RevokeApiKeyInput>("input");
                var result = await context.Service<ApiKeyService>()
                    .RevokeAsync(context.TeamStore(), input.Id, context.CancellationToken);
                // Mutation fields run one after another: the ones after this see the key revoked.
                if (result.Value?.Id == context.Caller().ApiKeyId && context.UserContext is GatherUserContext user)
                    user.RevokeCaller();
                return new RevokeApiKeyPayload(result.Value, result.Problems);
            });
    }
}
