using Gather.Infrastructure.Security;
using Gather.Schema.Common;
using GraphQL.Types;

namespace Gather.Schema.Teams;

/// <summary>Adds <c>viewer</c> to the root query.</summary>
public sealed class TeamQueries : IQueryFields
{
    public void AddTo(QueryType query) =>
        query.Field<NonNullGraphType<ViewerType>>("viewer")
            .Description("The caller: its team and scopes. Any valid API key may ask.")
            .RequireScope(ApiKeyScope.Read)
            .Resolve(context => context.Caller());
}
