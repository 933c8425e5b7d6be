using Gather.Schema.Common;
using GraphQL;
using GraphQL.Execution;

namespace Gather.Schema.Errors;

/// <summary>An argument broke a rule: carries the argument path, the rule and any suggestion into <c>extensions</c>.</summary>
public sealed class ArgumentProblemError(string message, string field, string rule, string? suggestion = null) : ExecutionError(message)
{
    public string Field { get; } = field;

    public string Rule { get; } = rule;

    /// <summary>What the caller probably meant (a known path close to an unknown one), when there is one.</summary>
    public string? Suggestion { get; } = suggestion;
}

/// <summary>
/// graphql-dotnet's error formatting, plus <c>extensions.field</c>, <c>extensions.rule</c> and (when
/// there is one) <c>extensions.suggestion</c> for argument problems, the same names the REST sync endpoint uses. An exception nobody turned
/// into an error (graphql-dotnet's <see cref="UnhandledError"/>, whose code it derives from the
/// exception's type, e.g. <c>SQLITE</c> or <c>INVALID_OPERATION</c>) answers only
/// <see cref="ErrorCodes.InternalError"/> and a fixed message: the type, message and data of
/// what failed stay in the server's log. Exception data is never exposed.
/// </summary>
public sealed class GatherErrorInfoProvider() : ErrorInfoProvider(options =>
{
    options.ExposeCodes = false;
    options.ExposeData = false;
})
{
    public const string InternalErrorMessage = "Gather failed to answer this part of the request. The failure is logged; try again, and report it if it persists.";

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        // Locations and path are written from the error itself; only message and extensions come from here.
        if (executionError is UnhandledError)
            return new ErrorInfo { Message = InternalErrorMessage, Extensions = new Dictionary<string, object?> { ["code"] = ErrorCodes.InternalError } };
        var info = base.GetInfo(executionError);
        if (executionError is ArgumentProblemError problem)
        {
            var extensions = info.Extensions ?? new Dictionary<string, object?>();
            extensions["field"] = problem.Field;
            extensions["rule"] = problem.Rule;
            if (problem.Suggestion is not null)
                extensions["suggestion"] = problem.Suggestion;
            info.Extensions = extensions;
        }
        if (executionError is Typed.StoredValueError stored)
        {
            var extensions = info.Extensions ?? new Dictionary<string, object?>();
            extensions["field"] = stored.Field;
            extensions["expectedType"] = stored.ExpectedType;
            info.Extensions = extensions;
        }
        return info;
    }
}
