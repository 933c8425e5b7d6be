using Gather.Infrastructure.Security;
using GraphQL.Types;

namespace Gather.Schema.ApiKeys;

/// <summary>READ, WRITE, ADMIN; each includes the ones before it.</summary>
public sealed class ApiKeyScopeType : EnumerationGraphType<ApiKeyScope>
{
    public ApiKeyScopeType()
    {
        Name = "ApiKeyScope";
        Description = "What an API key may do. Scopes are cumulative: WRITE includes READ, ADMIN includes both.";
        Values["READ"]!.Description = "Query models, records and views.";
        Values["WRITE"]!.Description = "Sync and delete records, and everything READ allows.";
        Values["ADMIN"]!.Description = "Manage API keys, models, integrations and tasks, and everything WRITE allows.";
    }
}
