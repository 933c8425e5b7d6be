using Gather.Infrastructure.Validation;
using Gather.Schema.Common;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace Gather.Schema.Errors;

/// <summary>
/// Problems become typed <c>errors</c> in mutation payloads, and GraphQL errors on queries
/// (which have no payload), with the argument and rule in <c>extensions.field</c> and <c>extensions.rule</c>.
/// </summary>
public static class ProblemErrors
{
    /// <summary>Adds the payload's <c>errors: [Error!]</c> field: null on success.</summary>
    public static void AddErrorsField<TPayload>(this ObjectGraphType<TPayload> payload, Func<TPayload, IReadOnlyList<Problem>> errors) =>
        payload.Field<ListGraphType<NonNullGraphType<ErrorInterfaceType>>>("errors")
            .Description("Why the mutation did not (fully) succeed; null when it did.")
            .Resolve(context => errors(context.Source) is { Count: > 0 } list ? list : null);

    /// <summary>Reports each problem as a GraphQL error on the current field.</summary>
    public static void Report(this IResolveFieldContext context, IEnumerable<Problem> problems)
    {
        foreach (var problem in problems)
            context.Errors.Add(ToError(problem));
    }

    public static ExecutionError ToError(Problem problem)
    {
        return problem switch
        {
            NotFoundProblem notFound => new ExecutionError(notFound.Message) { Code = ErrorCodes.NotFound },
            ValidationProblem validation => new ArgumentProblemError(validation.Message, validation.Field, validation.Rule, validation.Suggestion)
                { Code = ErrorCodes.InvalidArgument },
            _ => new ExecutionError(problem.Message) { Code = ErrorCodes.InvalidArgument },
        };
    }
}
