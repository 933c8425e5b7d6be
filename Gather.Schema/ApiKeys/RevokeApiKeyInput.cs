using GraphQL.Types;

namespace Gather.Schema.ApiKeys;

/// <summary>The input of <c>revokeApiKey</c>.</summary>
public sealed record RevokeApiKeyInput(string Id);

public sealed class RevokeApiKeyInputType : InputObjectGraphType<RevokeApiKeyInput>
{
    public RevokeApiKeyInputType()
    {
        Name = "RevokeApiKeyInput";
        Description = "The key to revoke.";
        Field(i => i.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The id of the key, from `apiKeys`.");
    }
}
