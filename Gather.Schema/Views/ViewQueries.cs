using Gather.Infrastructure.Security;
using Gather.Infrastructure.Validation;
using Gather.Infrastructure.Views.Operations;
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
            .Description("One view, by id or by name (exactly one of the two); NOT_FOUND when the team has none such. Requires READ.")
            .Argument<IdGraphType>("id", "The view's id.")
            .Argument<StringGraphType>("name", "The view's name, compared ignoring case as names are unique that way, e.g. `orders` finds `Orders`.")
            .RequireScope(ApiKeyScope.Read)
            .ResolveAsync(async c =>
            {
                var id = c.GetArgument<string?>("id");
                var name = c.GetArgument<string?>("name");
                if ((id is null) == (name is null))
                {
                    c.Report([new ValidationProblem(id is null ? "id" : "name", "exactlyOne",
                        "Give the view's `id` or its `name`, not both and not neither, e.g. view(name: \"Orders\").")]);
                    return null;
                }
                var views = c.Service<ViewService>();
                var view = id is not null
                    ? await views.GetAsync(c.TeamStore(), id, c.CancellationToken)
                    : await views.GetByNameAsync(c.TeamStore(), name!, c.CancellationToken);
                if (view is null)
                    c.Report([new NotFoundProblem(id ?? name!, id is not null
                        ? $"No view with id '{id}' exists in this team."
                        : $"No view named '{name}' exists in this team (names are compared ignoring case); `views {{ name }}` lists them.")]);
                return view;
            });
    }
}
