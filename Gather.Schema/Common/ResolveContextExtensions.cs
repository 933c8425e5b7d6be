using Gather.Infrastructure.Security;
using Gather.Infrastructure.Teams;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace Gather.Schema.Common;

/// <summary>What resolvers need from a request, resolved from the request's services (the schema is a singleton).</summary>
public static class ResolveContextExtensions
{
    public static Caller Caller(this IResolveFieldContext context) =>
        (context.UserContext as GatherUserContext)?.Caller
        ?? throw new ExecutionError("This request is not authenticated.") { Code = ErrorCodes.Unauthenticated };

    /// <summary>The store confined to the caller's team: the only store a resolver should touch.</summary>
    public static ITeamStore TeamStore(this IResolveFieldContext context) =>
        context.Service<IGatherStore>().ForTeam(context.Caller().TeamId);

    public static T Service<T>(this IResolveFieldContext context) where T : notnull =>
        (context.RequestServices ?? throw new InvalidOperationException("The request carries no services."))
        .GetRequiredService<T>();
}
