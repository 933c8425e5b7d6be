using Gather.Infrastructure.Security;
using GraphQL.Types;

namespace Gather.Schema.ApiKeys;

/// <summary>READ, MANAGE_VIEWS, WRITE, ADMIN; each includes the ones before it.</summary>
public sealed class ApiKeyScopeType : EnumerationGraphType<ApiKeyScope>
{
    public ApiKeyScopeType()
    {
        Name = "ApiKeyScope";
        Description = "What an API key may do. Scopes are cumulative: MANAGE_VIEWS includes READ, WRITE includes both, ADMIN includes all.";
        Values["READ"]!.Description = "Query models, records and views.";
        Values["MANAGE_VIEWS"]!.Description = "Create, change and delete views (they are shared configuration, not data), and everything READ allows.";
        Values["WRITE"]!.Description = "Sync and delete records, and everything MANAGE_VIEWS allows.";
        Values["ADMIN"]!.Description = "Manage API keys, models, integrations and tasks, and everything WRITE allows.";
    }
}
