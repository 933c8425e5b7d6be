using GraphQL;
using GraphQL.Execution;

namespace Gather.Schema.Errors;

/// <summary>An argument broke a rule: carries the argument path and rule into <c>extensions</c>.</summary>
public sealed class ArgumentProblemError(string message, string field, string rule) : ExecutionError(message)
{
    public string Field { get; } = field;

    public string Rule { get; } = rule;
}

/// <summary>
/// graphql-dotnet's error formatting, plus <c>extensions.field</c> and <c>extensions.rule</c> for
/// argument problems, the same names the REST sync endpoint uses. Exception data is not
/// exposed, so nothing internal leaks into responses.
/// </summary>
public sealed class GatherErrorInfoProvider() : ErrorInfoProvider(options => options.ExposeCodes = false)
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (executionError is ArgumentProblemError problem)
        {
            var extensions = info.Extensions ?? new Dictionary<string, object?>();
            extensions["field"] = problem.Field;
            extensions["rule"] = problem.Rule;
            info.Extensions = extensions;
        }
        return info;
    }
}
