using Gather.Infrastructure.Security;
using GraphQL.Types;

namespace Gather.Schema.ApiKeys;

/// <summary>The input of <c>createApiKey</c>.</summary>
public sealed record CreateApiKeyInput(string Name, ApiKeyScope[] Scopes);

public sealed class CreateApiKeyInputType : InputObjectGraphType<CreateApiKeyInput>
{
    public CreateApiKeyInputType()
    {
        Name = "CreateApiKeyInput";
        Description = "A name for the new key and the scopes it gets.";
        Field(i => i.Name).Description("What the key is for, e.g. `billing backend`.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApiKeyScopeType>>>>("scopes")
            .Description("At least one of READ, WRITE, ADMIN.");
    }
}
