using Gather.Infrastructure.Security;
using Gather.Infrastructure.Validation;
using Gather.Schema.Errors;
using GraphQL.Types;

namespace Gather.Schema.ApiKeys;

/// <summary>The result of <c>revokeApiKey</c>.</summary>
public sealed record RevokeApiKeyPayload(ApiKey? ApiKey, IReadOnlyList<Problem> Errors);

public sealed class RevokeApiKeyPayloadType : ObjectGraphType<RevokeApiKeyPayload>
{
    public RevokeApiKeyPayloadType()
    {
        Name = "RevokeApiKeyPayload";
        Field(p => p.ApiKey, type: typeof(ApiKeyType)).Description("The revoked key; null when there are errors.");
        Field<ListGraphType<NonNullGraphType<ErrorInterfaceType>>>("errors")
            .Description("Why nothing was revoked; null on success.")
            .Resolve(context => context.Source.Errors.Count == 0 ? null : context.Source.Errors);
    }
}
