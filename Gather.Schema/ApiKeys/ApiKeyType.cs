using Gather.Infrastructure.Security;
using Gather.Schema.Common;
using GraphQL.Types;

namespace Gather.Schema.ApiKeys;

/// <summary>An API key as listed: never its secret.</summary>
public sealed class ApiKeyType : ObjectGraphType<ApiKey>
{
    public ApiKeyType()
    {
        Name = "ApiKey";
        Description = "A team's API key. The secret is shown only once, by createApiKey.";
        Field(k => k.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The key's id, used to revoke it.");
        Field(k => k.Name).Description("What the key is for.");
        Field(k => k.Preview).Description("The secret's last 4 characters, to recognise it.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApiKeyScopeType>>>>("scopes")
            .Description("What the key may do.")
            .Resolve(context => context.Source.Scopes);
        Field(k => k.CreatedAt, type: typeof(NonNullGraphType<DateTimeType>)).Description("When the key was created.");
        Field(k => k.RevokedAt, type: typeof(DateTimeType)).Description("When the key was revoked; null while it works.");
        Field("revoked", k => k.IsRevoked).Description("Whether the key has been revoked.");
    }
}
