using Gather.Infrastructure.Security;
using Gather.Infrastructure.Validation;
using Gather.Infrastructure.Views;
using Gather.Schema.Common;
using Gather.Schema.Errors;
using GraphQL;
using GraphQL.Types;

namespace Gather.Schema.Views;

/// <summary>Adds <c>views</c> and <c>view</c> to the root query. Both require READ.</summary>
public sealed class ViewQueries : IQueryFields
{
    public void AddTo(QueryType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ViewType>>>>("views")
            .Description("The team's views by name. Requires READ.")
            .RequireScope(ApiKeyScope.Read)
            .ResolveAsync(async c => await c.Service<ViewService>().ListAsync(c.TeamStore(), c.CancellationToken));

        query.Field<ViewType>("view")
            .Description("One view; NOT_FOUND when the team has none with that id. Requires READ.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The view.")
            .RequireScope(ApiKeyScope.Read)
            .ResolveAsync(async c =>
            {
                var id = c.GetArgument<string>("id");
                var view = await c.Service<ViewService>().GetAsync(c.TeamStore(), id, c.CancellationToken);
                if (view is null)
                    c.Report([new NotFoundProblem(id, $"No view with id '{id}' exists in this team.")]);
                return view;
            });
    }
}
