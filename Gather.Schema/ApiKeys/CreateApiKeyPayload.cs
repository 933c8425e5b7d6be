using Gather.Infrastructure.Security;
using Gather.Infrastructure.Validation;
using Gather.Schema.Errors;
using GraphQL.Types;

namespace Gather.Schema.ApiKeys;

/// <summary>The result of <c>createApiKey</c>.</summary>
public sealed record CreateApiKeyPayload(ApiKey? ApiKey, string? Secret, IReadOnlyList<Problem> Errors);

public sealed class CreateApiKeyPayloadType : ObjectGraphType<CreateApiKeyPayload>
{
    public CreateApiKeyPayloadType()
    {
        Name = "CreateApiKeyPayload";
        Field(p => p.ApiKey, type: typeof(ApiKeyType)).Description("The new key; null when there are errors.");
        Field(p => p.Secret, nullable: true)
            .Description("The key's secret. Shown only in this response: store it now. Send it as `Authorization: Token <secret>`.");
        Field<ListGraphType<NonNullGraphType<ErrorInterfaceType>>>("errors")
            .Description("Why no key was created; null on success.")
            .Resolve(context => context.Source.Errors.Count == 0 ? null : context.Source.Errors);
    }
}
