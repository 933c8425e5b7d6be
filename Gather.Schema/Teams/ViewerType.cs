using Gather.Infrastructure.Security;
using Gather.Schema.ApiKeys;
using Gather.Schema.Common;
using GraphQL;
using GraphQL.Types;

namespace Gather.Schema.Teams;

/// <summary>The caller: its team and what its key may do.</summary>
public sealed class ViewerType : ObjectGraphType<Caller>
{
    public ViewerType()
    {
        Name = "Viewer";
        Description = "Who is asking: the API key's team and scopes.";
        Field<NonNullGraphType<TeamType>>("team")
            .Description("The team the API key belongs to.")
            .ResolveAsync(async context => await context.TeamStore().GetTeamAsync(context.CancellationToken)
                                           ?? throw new ExecutionError("The caller's team no longer exists."));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ApiKeyScopeType>>>>("scopes")
            .Description("The scopes of the API key in use.")
            .Resolve(context => context.Source.Scopes);
        Field<NonNullGraphType<IdGraphType>>("apiKeyId")
            .Description("The id of the API key in use.")
            .Resolve(context => context.Source.ApiKeyId);
    }
}
